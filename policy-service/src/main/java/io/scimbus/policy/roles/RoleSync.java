package io.scimbus.policy.roles;

import io.scimbus.core.error.ScimException;

/** How long a collaborator's role follows their group memberships. */
public enum RoleSync {
  /** Until the first mapped membership arrives; the role is then fixed. */
  FIRST_PROVISIONING("first-provisioning"),
  /** Always: every membership change recomputes the role. */
  CONTINUOUS("continuous");

  private final String id;

  RoleSync(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static RoleSync parse(Object id) {
    for (RoleSync sync : values()) {
      if (sync.id.equals(id)) {
        return sync;
      }
    }
    throw ScimException.invalidValue("roleSync must be one of first-provisioning, continuous, got " + id);
  }
}
