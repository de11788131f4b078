package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every SCIM write reaches the tenant's provisioning log with its outcome and request id, newest first. */
class ProvisioningLogIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void writesAndTheirOutcomesAreLoggedNewestFirst() {
    ScimClient scim = CLUSTER.newTenant();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant before = Instant.now().minusSeconds(1);
    JsonObject user = new JsonObject().put("userName", "ada@example.com");
    Response created = scim.send("POST", "/Users", user.encode(), Map.of("X-Request-Id", "create-" + run));
    assertEquals(201, created.status(), created.toString());
    String userId = created.json().getString("id");
    Response duplicate = scim.send("POST", "/Users", user.encode(), Map.of("X-Request-Id", "dup-" + run));
    assertEquals(409, duplicate.status());
    JsonObject patch = new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray().add(new JsonObject().put("op", "Replace").put("path", "active")
            .put("value", "False")));
    assertEquals(200, scim.send("PATCH", "/Users/" + userId, patch.encode(),
        Map.of("X-Request-Id", "patch-" + run)).status());
    assertEquals(200, scim.get("/Users/" + userId).status(), "reads are not logged");

    String log = "/tenants/" + scim.tenant() + "/provisioning-log";
    JsonObject page = Eventually.await(PATIENCE, () -> CLUSTER.admin().get(log).json(),
        body -> body.getInteger("totalResults") >= 3);
    assertEquals(3, page.getInteger("totalResults"), page.encode());
    JsonArray entries = page.getJsonArray("Resources");

    JsonObject patched = entries.getJsonObject(0);
    assertEquals("patch", patched.getString("operation"));
    assertEquals("PATCH", patched.getString("method"));
    assertEquals(200, patched.getInteger("status"));
    assertEquals(userId, patched.getString("resourceId"));
    assertEquals("patch-" + run, patched.getString("requestId"));
    assertNull(patched.getString("outcome"));

    JsonObject failed = entries.getJsonObject(1);
    assertEquals("create", failed.getString("operation"));
    assertEquals(409, failed.getInteger("status"));
    assertTrue(failed.getString("outcome").startsWith("uniqueness"), failed.encode());
    assertEquals("dup-" + run, failed.getString("requestId"));
    assertEquals("ada@example.com", failed.getString("userName"));
    assertNull(failed.getString("resourceId"));

    JsonObject first = entries.getJsonObject(2);
    assertEquals("create", first.getString("operation"));
    assertEquals("User", first.getString("resourceType"));
    assertEquals(201, first.getInteger("status"));
    assertEquals(userId, first.getString("resourceId"));
    assertEquals("create-" + run, first.getString("requestId"));
    assertTrue(Instant.parse(first.getString("at")).isAfter(before));

    JsonObject ofUser = CLUSTER.admin().get(log + ScimClient.query("userId", userId)).json();
    assertEquals(2, ofUser.getInteger("totalResults"), ofUser.encode());
    JsonObject ofResource = CLUSTER.admin().get(log + ScimClient.query("resourceId", userId)).json();
    assertEquals(2, ofResource.getInteger("totalResults"));
    JsonObject byName = CLUSTER.admin().get(log + ScimClient.query("userName", "ADA@example.com")).json();
    assertEquals(2, byName.getInteger("totalResults"), "create and the failed create carry the userName");

    JsonObject second = CLUSTER.admin().get(log + ScimClient.query("startIndex", "2", "count", "1")).json();
    assertEquals(3, second.getInteger("totalResults"));
    assertEquals(1, second.getInteger("itemsPerPage"));
    assertEquals(2, second.getInteger("startIndex"));
    assertEquals("dup-" + run, second.getJsonArray("Resources").getJsonObject(0).getString("requestId"));

    String future = Instant.now().plusSeconds(3600).toString();
    assertEquals(0, CLUSTER.admin().get(log + ScimClient.query("since", future)).json().getInteger("totalResults"));
    assertEquals(3, CLUSTER.admin().get(log + ScimClient.query("until", future)).json().getInteger("totalResults"));
    assertEquals(400, CLUSTER.admin().get(log + ScimClient.query("since", "yesterday")).status());
  }

  @Test
  void theLogOfOneTenantHoldsNothingOfAnother() {
    ScimClient a = CLUSTER.newTenant();
    ScimClient b = CLUSTER.newTenant();
    assertEquals(201, a.post("/Users", new JsonObject().put("userName", "only-a@example.com")).status());
    Eventually.await(PATIENCE, () -> CLUSTER.admin().get("/tenants/" + a.tenant() + "/provisioning-log").json(),
        body -> body.getInteger("totalResults") == 1);
    assertEquals(0, CLUSTER.admin().get("/tenants/" + b.tenant() + "/provisioning-log").json()
        .getInteger("totalResults"));
  }
}
