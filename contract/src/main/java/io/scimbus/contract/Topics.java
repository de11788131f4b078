package io.scimbus.contract;

/** Kafka topics. Provisioning events are keyed by {@code tenant/resourceId}. */
public final class Topics {
  public static final String USER_EVENTS = "scimbus.user-events";
  public static final String GROUP_EVENTS = "scimbus.group-events";
  /** Every SCIM write as the gateway answered it ({@link ProvisioningLogEntry}), keyed by tenant. */
  public static final String PROVISIONING_LOG = "scimbus.provisioning-log";

  private Topics() {
  }
}
