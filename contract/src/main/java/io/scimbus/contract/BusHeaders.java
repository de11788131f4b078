package io.scimbus.contract;

/** Event-bus message headers. The tenant travels as a header so that no handler reads it from a client body. */
public final class BusHeaders {
  /** What the receiver should do; values in {@link Actions}. */
  public static final String ACTION = "action";
  /** The tenant resolved by the gateway from the bearer token. */
  public static final String TENANT = "tenant";
  /** Request id that follows a request through every service and into logs. */
  public static final String REQUEST_ID = "request-id";

  private BusHeaders() {
  }
}
