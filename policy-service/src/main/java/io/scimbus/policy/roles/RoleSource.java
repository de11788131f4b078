package io.scimbus.policy.roles;

/** Who set a collaborator's role, which decides whether group membership may still change it. */
public enum RoleSource {
  /** No mapped group seen yet: the role is the dashboard's default role, or none. */
  DEFAULT("default"),
  /** The user's mapped groups. */
  GROUPS("groups"),
  /** An admin, by hand: never overridden by membership. */
  ADMIN("admin");

  private final String id;

  RoleSource(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static RoleSource of(String id) {
    for (RoleSource source : values()) {
      if (source.id.equals(id)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown role source " + id);
  }
}
