package io.scimbus.policy.roles;

import java.util.Optional;

/**
 * Which role a collaborator gets, from their mapped groups (the highest wins), the default role and who set the
 * current one. IdPs create a user before adding it to groups, one group at a time, so a new collaborator without a
 * mapped group starts at the default role (or none) with source {@link RoleSource#DEFAULT}, and while it is
 * <em>settling</em> (a window after its creation) its role follows its mapped groups. After the window, in
 * {@link RoleSync#FIRST_PROVISIONING} the role is fixed, except that a collaborator that never had a mapped group
 * takes the role of its first one; in {@link RoleSync#CONTINUOUS} every membership change recomputes it (back to the
 * default when no mapped group is left). A role an admin set by hand is never changed by membership.
 */
public final class RoleRule {
  private RoleRule() {
  }

  /** The role of a collaborator created now. */
  public static Assigned initial(Optional<Role> fromGroups, Role defaultRole) {
    return fromGroups.map(role -> new Assigned(role, RoleSource.GROUPS))
        .orElseGet(() -> new Assigned(defaultRole, RoleSource.DEFAULT));
  }

  /** The role after the collaborator's memberships changed; {@code settling}: within the window after creation. */
  public static Assigned afterMembershipChange(Assigned current, Optional<Role> fromGroups, Role defaultRole,
      RoleSync sync, boolean settling) {
    if (current.source() == RoleSource.ADMIN) {
      return current;
    }
    if (sync == RoleSync.CONTINUOUS || settling) {
      return initial(fromGroups, defaultRole);
    }
    if (current.source() == RoleSource.DEFAULT && fromGroups.isPresent()) {
      return new Assigned(fromGroups.get(), RoleSource.GROUPS);
    }
    return current;
  }

  /** A role (null: none) and who set it. */
  public record Assigned(Role role, RoleSource source) {
  }
}
