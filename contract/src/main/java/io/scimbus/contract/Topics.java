package io.scimbus.contract;

/** Kafka topics. Provisioning events are keyed by {@code tenant/resourceId}. */
public final class Topics {
  public static final String USER_EVENTS = "scimbus.user-events";
  public static final String GROUP_EVENTS = "scimbus.group-events";
  /** What policy-service's portal behaviours did (employee.created, device.unassigned, ...), keyed the same way. */
  public static final String PORTAL_EVENTS = "scimbus.portal-events";
  /** Every SCIM write as the gateway answered it ({@link ProvisioningLogEntry}), keyed by tenant. */
  public static final String PROVISIONING_LOG = "scimbus.provisioning-log";

  private Topics() {
  }
}
