package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Entra ID cycles (users, then groups with members, a deactivation by {@code "False"}, a reactivation, a delete)
 * replayed per portal and behaviour option: the portal state, the events webhooks carry and the provisioning log,
 * and that redelivering the same events changes nothing.
 */
class PortalBehavioursIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void enterpriseStoreCreatesAndRemovesEmployeesAcrossTheLifecycle() {
    PortalTenant t = new PortalTenant(CLUSTER);
    t.configure("store", new JsonObject().put("onCreate", "create-employee").put("onDeactivate", "remove-employee"));
    String ada = t.createUser("ada@example.com", "create-ada");
    t.createGroup("Engineers", "group-eng", ada);
    t.await(() -> t.employees("store"), list -> list.size() == 1);
    assertEquals("ada@example.com", t.employees("store").get(0).getString("userName"));

    t.setActive(ada, "False", "deactivate-ada");
    t.await(() -> t.employees("store"), List::isEmpty);
    t.setActive(ada, "True", "reactivate-ada");
    t.await(() -> t.employees("store"), list -> list.size() == 1);
    t.deleteUser(ada, "delete-ada");
    t.await(() -> t.employees("store"), List::isEmpty);

    List<JsonObject> events = t.awaitPortalEvents(4);
    assertEquals(List.of("employee.created/create-ada", "employee.removed/deactivate-ada",
        "employee.created/reactivate-ada", "employee.removed/delete-ada"), typesAndRequests(events));
    events.forEach(event -> {
      assertEquals(ada, event.getString("resourceId"));
      assertEquals("Employee", event.getString("resourceType"));
      assertEquals("store", event.getJsonObject("data").getString("portal"));
    });
    List<JsonObject> log = t.behaviourLog();
    assertEquals(Set.of("employee.created/create-ada", "employee.removed/deactivate-ada",
        "employee.created/reactivate-ada", "employee.removed/delete-ada"), Set.copyOf(logTypesAndRequests(log)));
    log.forEach(entry -> assertEquals("ada@example.com", entry.getString("userName")));

    t.replayUserAndGroupEvents();
    assertTrue(t.employees("store").isEmpty());
    assertEquals(4, t.behaviourLog().size(), "a redelivered event changes nothing twice");
    assertEquals(4, t.portalEvents().size());
  }

  @Test
  void theDefaultOfEveryPortalIsNothing() {
    PortalTenant t = new PortalTenant(CLUSTER);
    JsonObject device = t.createDevice("laptop", null, null);
    String ada = t.createUser("ada@example.com", "create-ada");
    t.createDevice("phone", ada, null);
    t.createGroup("portal-admin", "group-admins", ada);
    t.setActive(ada, "False", "deactivate-ada");
    t.setActive(ada, "True", "reactivate-ada");
    t.deleteUser(ada, "delete-ada");
    t.events.awaitAll(ada, 4);
    t.awaitConsumed();

    assertTrue(t.employees("store").isEmpty());
    assertTrue(t.employees("mdm").isEmpty());
    assertTrue(t.collaborators().isEmpty());
    assertEquals(2, t.devices().size());
    assertEquals(ada, t.list("/devices?assignedUserId=" + ada).get(0).getString("assignedUserId"));
    assertEquals(device.getString("id"), t.list("/devices").get(0).getString("id"));
    assertTrue(t.portalEvents().isEmpty());
    assertTrue(t.behaviourLog().isEmpty());
  }

  @Test
  void dashboardRolesFollowTheRoleTableWithUsersCreatedBeforeTheirGroups() {
    PortalTenant t = new PortalTenant(CLUSTER);
    t.configure("dashboard", new JsonObject().put("onCreate", "create-collaborator")
        .put("onDeactivate", "remove-collaborator").put("roleMapping", roleTable()));
    String admin = t.createUser("admin@example.com", "create-admin");
    String editor = t.createUser("editor@example.com", "create-editor");
    String viewer = t.createUser("viewer@example.com", "create-viewer");
    String unassigned = t.createUser("unassigned@example.com", "create-unassigned");
    String nobody = t.createUser("nobody@example.com", "create-nobody");
    t.await(t::collaborators, list -> list.size() == 5);
    t.collaborators().forEach(c -> assertNull(c.getString("role"), "no mapped group yet: " + c));

    // Entra adds the members group by group: in whatever order the groups arrive, the highest role wins.
    t.createGroup("portal-viewer", "group-viewer", admin, viewer);
    t.createGroup("portal-admin", "group-admin", admin);
    t.createGroup("portal-editor", "group-editor", editor);
    t.createGroup("portal-unassigned", "group-unassigned", editor, unassigned);
    t.createGroup("Engineers", "group-eng", nobody);
    Map<String, String> expected = Map.of(admin, "Admin", editor, "Developer/Editor", viewer, "Viewer",
        unassigned, "Unassigned");
    t.await(() -> roles(t), roles -> roles.equals(expected));
    t.awaitConsumed();
    assertEquals(expected, roles(t));
    assertNull(collaborator(t, nobody).getString("role"), "an unmapped group gives no role");
    assertEquals("groups", collaborator(t, admin).getString("roleSource"));

    t.setActive(admin, "False", "deactivate-admin");
    t.await(t::collaborators, list -> list.size() == 4);
    t.setActive(admin, "True", "reactivate-admin");
    t.await(t::collaborators, list -> list.size() == 5);
    assertEquals("Admin", collaborator(t, admin).getString("role"), "re-created with the role of its groups");

    List<JsonObject> created = t.await(() -> t.portalEvents("collaborator.created"), e -> e.size() == 6);
    assertEquals("reactivate-admin", created.get(5).getString("requestId"));
    assertEquals("Admin", created.get(5).getJsonObject("data").getString("role"));
    t.settledBehaviours();
    List<JsonObject> changed = t.portalEvents("collaborator.role-changed");
    Set<String> groupRequests = Set.of("group-viewer", "group-admin", "group-editor", "group-unassigned");
    changed.forEach(e -> assertTrue(groupRequests.contains(e.getString("requestId")), e.encode()));
    JsonObject lastOfAdmin = changed.stream().filter(e -> e.getString("resourceId").equals(admin))
        .reduce((first, second) -> second).orElseThrow();
    assertEquals("Admin", lastOfAdmin.getJsonObject("data").getString("role"));
    assertEquals("group-admin", lastOfAdmin.getString("requestId"), "the request that added the membership");
    assertEquals("deactivate-admin", t.portalEvents("collaborator.removed").get(0).getString("requestId"));
    assertTrue(logTypesAndRequests(t.behaviourLog()).contains("collaborator.role-changed/group-admin"));

    int applied = t.settledBehaviours();
    t.replayUserAndGroupEvents();
    assertEquals(applied, t.behaviourLog().size(), "a redelivered event changes nothing twice");
    assertEquals(applied, t.portalEvents().size());
    assertEquals(expected, roles(t));
  }

  @Test
  void continuousSyncFollowsMembershipButNeverOverridesAHandSetRole() {
    PortalTenant t = new PortalTenant(CLUSTER);
    t.configure("dashboard", new JsonObject().put("onCreate", "create-collaborator").put("defaultRole", "Viewer")
        .put("roleMapping", roleTable()).put("roleSync", "continuous"));
    String ada = t.createUser("ada@example.com", "create-ada");
    String bob = t.createUser("bob@example.com", "create-bob");
    t.await(t::collaborators, list -> list.size() == 2);
    assertEquals("Viewer", collaborator(t, ada).getString("role"), "the default role until a mapped group");
    assertEquals("default", collaborator(t, ada).getString("roleSource"));

    String editors = t.createGroup("portal-editor", "group-editor", ada, bob);
    t.await(() -> collaborator(t, ada).getString("role"), "Developer/Editor"::equals);
    String admins = t.createGroup("portal-admin", "group-admin");
    t.changeMembers(admins, "Add", ada, "promote-ada");
    t.await(() -> collaborator(t, ada).getString("role"), "Admin"::equals);
    t.changeMembers(admins, "Remove", ada, "demote-ada");
    t.await(() -> collaborator(t, ada).getString("role"), "Developer/Editor"::equals);
    t.changeMembers(editors, "Remove", ada, "drop-ada");
    t.await(() -> collaborator(t, ada).getString("role"), "Viewer"::equals);
    assertEquals("default", collaborator(t, ada).getString("roleSource"), "no mapped group left: the default");

    var patched = t.admin.patch(t.path("/collaborators/" + bob), new JsonObject().put("role", "Viewer"));
    assertEquals(200, patched.status(), patched.toString());
    assertEquals("admin", patched.json().getString("roleSource"));
    t.changeMembers(admins, "Add", bob, "promote-bob");
    t.awaitConsumed();
    assertEquals("Viewer", collaborator(t, bob).getString("role"), "a hand-set role survives membership changes");
    assertEquals("admin", collaborator(t, bob).getString("roleSource"));

    assertEquals(400, t.admin.patch(t.path("/collaborators/" + bob), new JsonObject().put("role", "Owner"))
        .status());
    assertEquals(404, t.admin.get(t.path("/collaborators/nobody")).status());
  }

  @Test
  void theEnterpriseToolkitWebAccessRoleShowsOnTheRecordsAndNoneMeansAppLoginOnly() {
    PortalTenant t = new PortalTenant(CLUSTER, "enterprise-toolkit");
    t.configure("store", new JsonObject().put("onCreate", "create-employee"));
    t.configure("dashboard", new JsonObject().put("onCreate", "create-collaborator"));
    JsonObject withRole = new JsonObject().put("userName", "ada@example.com")
        .put("roles", new JsonArray().add(new JsonObject().put("value", "EnterpriseAdmin")));
    var created = t.scim.post("/Users", withRole);
    assertEquals(201, created.status(), created.toString());
    String ada = created.json().getString("id");
    String bob = t.createUser("bob@example.com", "create-bob");
    t.await(() -> t.employees("store"), list -> list.size() == 2);
    t.await(t::collaborators, list -> list.size() == 2);
    Map<String, String> expected = new HashMap<>();
    expected.put(ada, "EnterpriseAdmin");
    expected.put(bob, null);
    for (JsonObject record : List.of(t.employees("store").get(0), t.employees("store").get(1), collaborator(t, ada),
        collaborator(t, bob))) {
      assertEquals(expected.get(record.getString("userId")), record.getString("webAccessRole"), record.encode());
    }
  }

  private static JsonObject roleTable() {
    return new JsonObject().put("portal-admin", "Admin").put("portal-editor", "Developer/Editor")
        .put("portal-viewer", "Viewer").put("portal-unassigned", "Unassigned");
  }

  private static Map<String, String> roles(PortalTenant t) {
    return t.collaborators().stream().filter(c -> c.getString("role") != null)
        .collect(Collectors.toMap(c -> c.getString("userId"), c -> c.getString("role")));
  }

  private static JsonObject collaborator(PortalTenant t, String userId) {
    var found = t.admin.get(t.path("/collaborators/" + userId));
    assertEquals(200, found.status(), found.toString());
    return found.json();
  }

  static List<String> typesAndRequests(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("type") + "/" + e.getString("requestId")).toList();
  }

  static List<String> logTypesAndRequests(List<JsonObject> entries) {
    return entries.stream().map(e -> e.getString("operation") + "/" + e.getString("requestId")).toList();
  }
}
