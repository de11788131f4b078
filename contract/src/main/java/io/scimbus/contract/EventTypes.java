package io.scimbus.contract;

import java.util.List;

/** Types of provisioning events, as webhook consumers see them. */
public final class EventTypes {
  public static final String USER_CREATED = "user.created";
  public static final String USER_UPDATED = "user.updated";
  public static final String USER_DEACTIVATED = "user.deactivated";
  public static final String USER_REACTIVATED = "user.reactivated";
  public static final String USER_DELETED = "user.deleted";
  public static final String GROUP_CREATED = "group.created";
  public static final String GROUP_UPDATED = "group.updated";
  public static final String GROUP_DELETED = "group.deleted";
  /** Portal behaviours (policy-service): what a user or group event made a portal do. */
  public static final String EMPLOYEE_CREATED = "employee.created";
  public static final String EMPLOYEE_REMOVED = "employee.removed";
  public static final String COLLABORATOR_CREATED = "collaborator.created";
  public static final String COLLABORATOR_ROLE_CHANGED = "collaborator.role-changed";
  public static final String COLLABORATOR_REMOVED = "collaborator.removed";
  public static final String DEVICE_UNASSIGNED = "device.unassigned";
  public static final String DEVICE_POLICY_CHANGED = "device.policy-changed";
  public static final String DEVICE_REMOVED = "device.removed";
  public static final String MDM_USER_REMOVED = "mdm-user.removed";
  /** Sent only by an operator's {@code POST .../webhooks/{id}/test}, never by a change. */
  public static final String WEBHOOK_TEST = "webhook.test";

  /** The portal behaviours' types, published on {@link Topics#PORTAL_EVENTS}. */
  public static final List<String> PORTAL = List.of(EMPLOYEE_CREATED, EMPLOYEE_REMOVED, COLLABORATOR_CREATED,
      COLLABORATOR_ROLE_CHANGED, COLLABORATOR_REMOVED, DEVICE_UNASSIGNED, DEVICE_POLICY_CHANGED, DEVICE_REMOVED,
      MDM_USER_REMOVED);

  /** The types a webhook endpoint may subscribe to. */
  public static final List<String> SUBSCRIBABLE = List.of(USER_CREATED, USER_UPDATED,
      USER_DEACTIVATED, USER_REACTIVATED, USER_DELETED, GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED,
      EMPLOYEE_CREATED, EMPLOYEE_REMOVED, COLLABORATOR_CREATED, COLLABORATOR_ROLE_CHANGED, COLLABORATOR_REMOVED,
      DEVICE_UNASSIGNED, DEVICE_POLICY_CHANGED, DEVICE_REMOVED, MDM_USER_REMOVED);

  private EventTypes() {
  }
}
