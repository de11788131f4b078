package io.scimbus.policy.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.policy.portal.dashboard.DashboardSettings;
import io.scimbus.policy.roles.RoleRule.Assigned;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's role table and the rule for memberships that arrive after the user. */
class RoleRuleTest {
  private static final DashboardSettings TABLE = DashboardSettings.parse(new JsonObject()
      .put("onCreate", "create-collaborator")
      .put("roleMapping", new JsonObject().put("portal-admin", "Admin").put("portal-editor", "Developer/Editor")
          .put("portal-viewer", "Viewer").put("portal-unassigned", "Unassigned")));

  @Test
  void theHighestPrivilegeWinsAndNoMappedGroupMeansNoRole() {
    assertEquals(Optional.of(Role.ADMIN), TABLE.roleOf(List.of("portal-viewer", "portal-admin", "portal-editor")));
    assertEquals(Optional.of(Role.EDITOR), TABLE.roleOf(List.of("portal-unassigned", "portal-editor")));
    assertEquals(Optional.of(Role.VIEWER), TABLE.roleOf(List.of("Engineers", "portal-viewer")));
    assertEquals(Optional.of(Role.UNASSIGNED), TABLE.roleOf(List.of("portal-unassigned")));
    assertEquals(Optional.empty(), TABLE.roleOf(List.of("Engineers", "PORTAL-ADMIN")), "names match exactly");
    assertEquals(new Assigned(null, RoleSource.DEFAULT), RoleRule.initial(TABLE.roleOf(List.of()), null));
    assertEquals(new Assigned(Role.VIEWER, RoleSource.DEFAULT), RoleRule.initial(Optional.empty(), Role.VIEWER));
  }

  @Test
  void whileSettlingTheRoleFollowsTheGroupsAfterwardsFirstProvisioningFixesIt() {
    Assigned fromViewers = new Assigned(Role.VIEWER, RoleSource.GROUPS);
    assertEquals(new Assigned(Role.ADMIN, RoleSource.GROUPS), RoleRule.afterMembershipChange(fromViewers,
        Optional.of(Role.ADMIN), null, RoleSync.FIRST_PROVISIONING, true));
    assertEquals(fromViewers, RoleRule.afterMembershipChange(fromViewers, Optional.of(Role.ADMIN), null,
        RoleSync.FIRST_PROVISIONING, false));
    assertEquals(fromViewers, RoleRule.afterMembershipChange(fromViewers, Optional.empty(), null,
        RoleSync.FIRST_PROVISIONING, false), "leaving the group later keeps the role");
    Assigned none = new Assigned(null, RoleSource.DEFAULT);
    assertEquals(new Assigned(Role.EDITOR, RoleSource.GROUPS), RoleRule.afterMembershipChange(none,
        Optional.of(Role.EDITOR), null, RoleSync.FIRST_PROVISIONING, false), "a first mapped group, however late");
  }

  @Test
  void continuousSyncFollowsEveryChangeButNeverAHandSetRole() {
    Assigned admin = new Assigned(Role.ADMIN, RoleSource.GROUPS);
    assertEquals(new Assigned(Role.VIEWER, RoleSource.GROUPS), RoleRule.afterMembershipChange(admin,
        Optional.of(Role.VIEWER), null, RoleSync.CONTINUOUS, false));
    assertEquals(new Assigned(Role.VIEWER, RoleSource.DEFAULT), RoleRule.afterMembershipChange(admin,
        Optional.empty(), Role.VIEWER, RoleSync.CONTINUOUS, false), "no mapped group left: the default role");
    Assigned handSet = new Assigned(Role.VIEWER, RoleSource.ADMIN);
    for (RoleSync sync : RoleSync.values()) {
      assertEquals(handSet, RoleRule.afterMembershipChange(handSet, Optional.of(Role.ADMIN), null, sync, true));
    }
  }
}
