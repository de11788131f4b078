package io.scimbus.contract;

/**
 * Policy-service's portal actions ({@link BusHeaders#ACTION} values on {@link BusAddresses#POLICY}), kept apart from
 * {@link Actions} because they are one domain. The tenant travels in {@link BusHeaders#TENANT}; the portal name,
 * collaborator user id, device id or device-policy id in {@link RequestFields#ID}.
 */
public final class PortalActions {
  /** The behaviour settings of portal {@code store}, {@code dashboard} or {@code mdm}. */
  public static final String SETTINGS_GET = "portal.settings.get";
  public static final String SETTINGS_SET = "portal.settings.set";
  /** A page of the employees of the portal named by query parameter {@code portal} ({@code store} or {@code mdm}). */
  public static final String EMPLOYEE_LIST = "portal.employee.list";
  public static final String COLLABORATOR_LIST = "portal.collaborator.list";
  public static final String COLLABORATOR_GET = "portal.collaborator.get";
  /** An admin sets the collaborator's role by hand; group sync never overrides it afterwards. */
  public static final String COLLABORATOR_PATCH = "portal.collaborator.patch";
  public static final String DEVICE_CREATE = "device.create";
  public static final String DEVICE_LIST = "device.list";
  public static final String DEVICE_GET = "device.get";
  public static final String DEVICE_PATCH = "device.patch";
  public static final String DEVICE_DELETE = "device.delete";
  public static final String DEVICE_POLICY_CREATE = "device-policy.create";
  public static final String DEVICE_POLICY_LIST = "device-policy.list";
  public static final String DEVICE_POLICY_GET = "device-policy.get";
  public static final String DEVICE_POLICY_PATCH = "device-policy.patch";
  public static final String DEVICE_POLICY_DELETE = "device-policy.delete";

  private PortalActions() {
  }
}
