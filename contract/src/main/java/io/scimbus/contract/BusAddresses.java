package io.scimbus.contract;

import java.util.Map;

/** Event-bus addresses, one per owning service. The gateway sends there; only the owner consumes. */
public final class BusAddresses {
  public static final String USERS = "scimbus.users";
  public static final String GROUPS = "scimbus.groups";
  public static final String POLICY = "scimbus.policy";
  public static final String NOTIFIER = "scimbus.notifier";
  /** The services that keep a dead-letter table, by the name the admin API uses, and where to ask each. */
  public static final Map<String, String> DEAD_LETTER_OWNERS = Map.of("users", USERS, "groups", GROUPS,
      "policy", POLICY, "notifier", NOTIFIER);
  /**
   * Published (not sent) by policy-service after a token revocation commits, body {@link TokensRevoked}: every
   * gateway replica drops those tokens from its cache at once.
   */
  public static final String TOKENS_REVOKED = "scimbus.tokens.revoked";
  /**
   * Published by policy-service after a tenant's profile change commits, with the {@link BusHeaders#TENANT} header:
   * services that cache profiles drop that tenant's.
   */
  public static final String PROFILE_CHANGED = "scimbus.profile.changed";

  private BusAddresses() {
  }
}
