package io.scimbus.contract;

/** Kafka topics of durable provisioning events. Records are keyed by {@code tenant/resourceId}. */
public final class Topics {
  public static final String USER_EVENTS = "scimbus.user-events";
  public static final String GROUP_EVENTS = "scimbus.group-events";

  private Topics() {
  }
}
