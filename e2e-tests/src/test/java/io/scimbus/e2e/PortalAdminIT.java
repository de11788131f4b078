package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The portals' admin API: settings default to nothing, bad settings are a 400 that changes nothing, devices CRUD. */
class PortalAdminIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

  @Test
  void everyPortalDefaultsToNothingAndKeepsWhatWasPut() {
    PortalTenant t = new PortalTenant(CLUSTER);
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing"),
        t.admin.get(t.path("/portals/store")).json());
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing")
            .put("roleMapping", new JsonObject()).put("roleSync", "first-provisioning"),
        t.admin.get(t.path("/portals/dashboard")).json());
    assertEquals(new JsonObject().put("onCreate", "nothing").put("onDeactivate", "nothing"),
        t.admin.get(t.path("/portals/mdm")).json());

    JsonObject dashboard = new JsonObject().put("onCreate", "create-collaborator").put("defaultRole", "Viewer")
        .put("onDeactivate", "remove-collaborator").put("roleMapping", new JsonObject().put("portal-admin", "Admin"))
        .put("roleSync", "continuous");
    assertEquals(dashboard, t.admin.put(t.path("/portals/dashboard"), dashboard).json());
    assertEquals(dashboard, t.admin.get(t.path("/portals/dashboard")).json());
    String policy = t.createPolicy("locked").getString("id");
    JsonObject mdm = new JsonObject().put("onCreate", "create-employee").put("onDeactivate", "change-device-policy")
        .put("deactivationPolicyId", policy);
    assertEquals(mdm, t.admin.put(t.path("/portals/mdm"), mdm).json());
    assertEquals(404, t.admin.get(t.path("/portals/crm")).status());
    assertEquals(404, t.admin.get("/tenants/no-such-tenant/portals/store").status());
    assertEquals(409, t.admin.delete(t.path("/device-policies/" + policy)).status(), "the MDM portal uses it");
  }

  @Test
  void invalidSettingsAreA400ThatChangesNothing() {
    PortalTenant t = new PortalTenant(CLUSTER);
    JsonObject store = new JsonObject().put("onCreate", "create-employee").put("onDeactivate", "remove-employee");
    t.configure("store", store);
    refused(t, "store", new JsonObject().put("onCreate", "create-everything"));
    refused(t, "store", new JsonObject().put("oncreate", "create-employee"));
    refused(t, "dashboard", new JsonObject().put("defaultRole", "Owner"));
    refused(t, "dashboard", new JsonObject().put("defaultRole", "Unassigned"));
    refused(t, "dashboard", new JsonObject().put("roleMapping", new JsonObject().put("portal-admin", "Root")));
    refused(t, "dashboard", new JsonObject().put("roleSync", "sometimes"));
    refused(t, "mdm", new JsonObject().put("onDeactivate", "change-device-policy"));
    refused(t, "mdm", new JsonObject().put("onDeactivate", "change-device-policy")
        .put("deactivationPolicyId", UUID.randomUUID().toString()));
    refused(t, "mdm", new JsonObject().put("onDeactivate", "wipe"));
    assertEquals(store, t.admin.get(t.path("/portals/store")).json());
    assertEquals("nothing", t.admin.get(t.path("/portals/mdm")).json().getString("onDeactivate"));
  }

  @Test
  void devicesAndPoliciesHaveACrudApi() {
    PortalTenant t = new PortalTenant(CLUSTER);
    JsonObject policy = t.createPolicy("standard");
    assertEquals("standard", t.admin.get(t.path("/device-policies/" + policy.getString("id"))).json()
        .getString("name"));
    assertEquals("strict", t.admin.patch(t.path("/device-policies/" + policy.getString("id")),
        new JsonObject().put("name", "strict")).json().getString("name"));
    JsonObject device = t.createDevice("laptop", "user-1", policy.getString("id"));
    String path = t.path("/devices/" + device.getString("id"));
    assertEquals(device, t.admin.get(path).json());
    JsonObject moved = t.admin.patch(path, new JsonObject().put("assignedUserId", null)).json();
    assertEquals(null, moved.getString("assignedUserId"));
    assertEquals(policy.getString("id"), moved.getString("policyId"));
    assertEquals(2L, moved.getLong("version"));

    assertEquals(400, t.admin.post(t.path("/devices"), new JsonObject().put("name", "x").put("serial", "s")
        .put("policyId", UUID.randomUUID().toString())).status(), "an unknown policy");
    assertEquals(400, t.admin.post(t.path("/devices"), new JsonObject().put("name", "x")).status(), "no serial");
    assertEquals(409, t.admin.post(t.path("/devices"), new JsonObject().put("name", "again")
        .put("serial", device.getString("serial"))).status());
    assertEquals(409, t.admin.delete(t.path("/device-policies/" + policy.getString("id"))).status(), "in use");
    assertEquals(1, t.devices().size());
    assertEquals(204, t.admin.delete(path).status());
    assertEquals(404, t.admin.get(path).status());
    assertEquals(404, t.admin.get(t.path("/devices/not-a-uuid")).status());
    assertEquals(204, t.admin.delete(t.path("/device-policies/" + policy.getString("id"))).status());
    assertEquals(0, t.list("/device-policies").size());
    assertEquals(400, t.admin.get(t.path("/employees")).status(), "portal is required");
  }

  private static void refused(PortalTenant t, String portal, JsonObject settings) {
    Response put = t.admin.put(t.path("/portals/" + portal), settings);
    assertEquals(400, put.status(), settings + " -> " + put);
    assertEquals(ERROR, put.json().getJsonArray("schemas").getString(0));
    assertEquals("400", put.json().getString("status"));
    assertEquals("invalidValue", put.json().getString("scimType"), put.toString());
  }
}
