package io.scimbus.contract;

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

  private EventTypes() {
  }
}
