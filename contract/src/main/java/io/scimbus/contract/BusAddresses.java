package io.scimbus.contract;

/** Event-bus addresses, one per owning service. The gateway sends there; only the owner consumes. */
public final class BusAddresses {
  public static final String USERS = "scimbus.users";
  public static final String GROUPS = "scimbus.groups";
  public static final String POLICY = "scimbus.policy";
  public static final String NOTIFIER = "scimbus.notifier";
  /** Published (tenant header) after a tenant's profile changed, so every service drops its cached copy. */
  public static final String PROFILE_CHANGED = "scimbus.profile.changed";

  private BusAddresses() {
  }
}
