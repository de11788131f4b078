package io.scimbus.contract;

/** Event-bus message headers. The tenant travels as a header so that no handler reads it from a client body. */
public final class BusHeaders {
  /** What the receiver should do; values in {@link Actions}. */
  public static final String ACTION = "action";
  /** The tenant resolved by the gateway from the bearer token. */
  public static final String TENANT = "tenant";
  /** Request id that follows a request through every service and into logs. */
  public static final String REQUEST_ID = "request-id";
  /**
   * When the sender stops waiting for the reply, in epoch milliseconds. Absolute rather than "milliseconds left" so
   * that the time a message spends in transit, being decoded and queued behind a busy event loop counts against it
   * too; the price is trusting the hosts' clocks to agree within the service's margin.
   */
  public static final String DEADLINE = "deadline";

  private BusHeaders() {
  }
}
