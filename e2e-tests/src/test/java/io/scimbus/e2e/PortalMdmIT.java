package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The MDM Portal's deactivation behaviours act on exactly the deactivated user's devices, one event per device. */
class PortalMdmIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void removeUserAndDevicesRemovesExactlyThatUsersThreeDevices() {
    PortalTenant t = new PortalTenant(CLUSTER);
    t.configure("mdm", new JsonObject().put("onCreate", "create-employee")
        .put("onDeactivate", "remove-user-and-devices"));
    String ada = t.createUser("ada@example.com", "create-ada");
    String bob = t.createUser("bob@example.com", "create-bob");
    Set<String> adasDevices = Set.of(t.createDevice("a1", ada, null).getString("id"),
        t.createDevice("a2", ada, null).getString("id"), t.createDevice("a3", ada, null).getString("id"));
    String bobsDevice = t.createDevice("b1", bob, null).getString("id");
    t.await(() -> t.employees("mdm"), list -> list.size() == 2);

    t.setActive(ada, "False", "deactivate-ada");
    t.await(t::devices, list -> list.size() == 1);
    assertEquals(bobsDevice, t.devices().get(0).getString("id"));
    assertEquals(List.of(bob), t.employees("mdm").stream().map(e -> e.getString("userId")).toList());

    List<JsonObject> events = t.awaitPortalEvents(6);
    List<JsonObject> removals = t.portalEvents("device.removed");
    assertEquals(adasDevices, removals.stream().map(e -> e.getString("resourceId")).collect(Collectors.toSet()));
    assertEquals(3, removals.size());
    List<JsonObject> userRemoved = t.portalEvents("mdm-user.removed");
    assertEquals(1, userRemoved.size());
    assertEquals(ada, userRemoved.get(0).getString("resourceId"));
    assertEquals(6, events.size(), "2 employees created, 3 devices and 1 user removed: " + events);
    events.stream().filter(e -> !e.getString("type").equals("employee.created"))
        .forEach(e -> assertEquals("deactivate-ada", e.getString("requestId")));
    List<JsonObject> log = t.behaviourLog();
    assertEquals(4, log.stream().filter(e -> "deactivate-ada".equals(e.getString("requestId"))).count());

    // reactivation re-creates the MDM employee; removed devices stay removed
    t.setActive(ada, "True", "reactivate-ada");
    t.await(() -> t.employees("mdm"), list -> list.size() == 2);
    assertEquals(1, t.devices().size());

    assertEquals(7, t.settledBehaviours());
    t.replayUserAndGroupEvents();
    assertEquals(7, t.behaviourLog().size(), "a redelivered event changes nothing twice");
    assertEquals(7, t.portalEvents().size());
    assertEquals(1, t.devices().size());
    assertEquals(2, t.employees("mdm").size());
  }

  @Test
  void changeDevicePolicyMovesExactlyThatUsersDevices() {
    PortalTenant t = new PortalTenant(CLUSTER);
    String standard = t.createPolicy("standard").getString("id");
    String locked = t.createPolicy("locked").getString("id");
    t.configure("mdm", new JsonObject().put("onDeactivate", "change-device-policy")
        .put("deactivationPolicyId", locked));
    String ada = t.createUser("ada@example.com", "create-ada");
    String bob = t.createUser("bob@example.com", "create-bob");
    String a1 = t.createDevice("a1", ada, standard).getString("id");
    String a2 = t.createDevice("a2", ada, null).getString("id");
    String b1 = t.createDevice("b1", bob, standard).getString("id");

    t.setActive(ada, "False", "deactivate-ada");
    List<JsonObject> events = t.awaitPortalEvents(2);
    assertEquals(Set.of(a1, a2), events.stream().map(e -> e.getString("resourceId")).collect(Collectors.toSet()));
    events.forEach(e -> {
      assertEquals("device.policy-changed", e.getString("type"));
      assertEquals(locked, e.getJsonObject("data").getString("policyId"));
      assertEquals(ada, e.getJsonObject("data").getString("assignedUserId"));
      assertEquals("deactivate-ada", e.getString("requestId"));
    });
    assertEquals(locked, device(t, a1).getString("policyId"));
    assertEquals(locked, device(t, a2).getString("policyId"));
    assertEquals(standard, device(t, b1).getString("policyId"), "another user's device is not moved");
    assertEquals(Set.of("device.policy-changed/deactivate-ada"),
        Set.copyOf(PortalBehavioursIT.logTypesAndRequests(t.behaviourLog())));
    assertTrue(t.employees("mdm").isEmpty(), "onCreate nothing: no MDM employee");
  }

  @Test
  void unassignDevicesAndRemoveUserLeaveTheDevicesUnassigned() {
    PortalTenant t = new PortalTenant(CLUSTER);
    t.configure("mdm", new JsonObject().put("onCreate", "create-employee").put("onDeactivate", "unassign-devices"));
    String ada = t.createUser("ada@example.com", "create-ada");
    String a1 = t.createDevice("a1", ada, null).getString("id");
    t.setActive(ada, "False", "deactivate-ada");
    t.await(() -> device(t, a1).getString("assignedUserId"), assigned -> assigned == null);
    assertEquals(1, t.employees("mdm").size(), "unassign-devices keeps the MDM user");
    assertEquals(Set.of("employee.created", "device.unassigned"),
        t.awaitPortalEvents(2).stream().map(e -> e.getString("type")).collect(Collectors.toSet()));

    t.configure("mdm", new JsonObject().put("onDeactivate", "remove-user"));
    String bob = t.createUser("bob@example.com", "create-bob");
    t.awaitConsumed();
    assertEquals(200, t.admin.patch(t.path("/devices/" + a1), new JsonObject().put("assignedUserId", bob)).status());
    // bob was created while onCreate was nothing: there is no MDM user to remove, the device is still unassigned
    t.deleteUser(bob, "delete-bob");
    t.await(() -> device(t, a1).getString("assignedUserId"), assigned -> assigned == null);
    assertNull(device(t, a1).getString("assignedUserId"));
    List<JsonObject> unassigned = t.await(() -> t.portalEvents("device.unassigned"), found -> found.size() == 2);
    assertEquals("delete-bob", unassigned.get(1).getString("requestId"));
    assertEquals(0, t.portalEvents("mdm-user.removed").size());
  }

  private static JsonObject device(PortalTenant t, String id) {
    var found = t.admin.get(t.path("/devices/" + id));
    assertEquals(200, found.status(), found.toString());
    return found.json();
  }
}
