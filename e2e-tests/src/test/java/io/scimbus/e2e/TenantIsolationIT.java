package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two tenants onboarded through the admin API, each provisioned with its own token, see nothing of each other. */
class TenantIsolationIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  private ScimClient a;
  private ScimClient b;
  private String aliceId;
  private String bobId;

  @BeforeEach
  void onboardTwoTenants() {
    a = onboard("iso-a-" + UUID.randomUUID().toString().substring(0, 8));
    b = onboard("iso-b-" + UUID.randomUUID().toString().substring(0, 8));
    aliceId = created(a.post("/Users", user("alice@a.example")));
    bobId = created(b.post("/Users", user("bob@b.example")));
  }

  @Test
  void readsNeverCrossTenants() {
    assertEquals(404, b.get("/Users/" + aliceId).status());
    assertEquals(404, a.get("/Users/" + bobId).status());
    assertEquals(200, a.get("/Users/" + aliceId).status());

    JsonObject listB = b.get("/Users").json();
    assertEquals(1, listB.getInteger("totalResults"), listB.encode());
    assertEquals(bobId, listB.getJsonArray("Resources").getJsonObject(0).getString("id"));

    JsonObject filtered = b.get("/Users" + ScimClient.query("filter", "userName eq \"alice@a.example\"")).json();
    assertEquals(0, filtered.getInteger("totalResults"));
    assertEquals(0, a.get("/Users" + ScimClient.query("filter", "userName eq \"bob@b.example\"")).json()
        .getInteger("totalResults"));
  }

  @Test
  void writesNeverCrossTenants() {
    JsonObject deactivate = new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray().add(new JsonObject().put("op", "replace").put("path", "active")
            .put("value", false)));
    assertEquals(404, b.patch("/Users/" + aliceId, deactivate).status());
    assertEquals(404, b.put("/Users/" + aliceId, user("alice@a.example")).status());
    assertEquals(404, b.delete("/Users/" + aliceId).status());

    JsonObject alice = a.get("/Users/" + aliceId).json();
    assertEquals(true, alice.getBoolean("active"), "alice untouched: " + alice.encode());
    // The same userName in the other tenant is no conflict: uniqueness is per tenant.
    assertEquals(201, b.post("/Users", user("alice@a.example")).status());
  }

  @Test
  void aTokenNeverReachesAnotherTenantWhateverTheUrl() {
    Response crossed = b.withToken(tokenOf(a)).get("/Users/" + bobId);
    assertEquals(401, crossed.status(), crossed.toString());
    assertEquals("Bearer realm=\"scimbus\", error=\"invalid_token\"", crossed.header("WWW-Authenticate"));
    assertEquals(401, b.withToken(tokenOf(a)).post("/Users", user("mallory@a.example")).status());
    assertEquals(401, a.withToken(tokenOf(b)).delete("/Users/" + aliceId).status());
    assertEquals(200, a.get("/Users/" + aliceId).status());
  }

  @Test
  void groupMembersNamingTheOtherTenantsUsersRevealNothing() {
    JsonObject group = new JsonObject().put("displayName", "crossers")
        .put("members", new JsonArray().add(new JsonObject().put("value", aliceId)));
    Response created = b.post("/Groups", group);
    String body = created.raw().body();
    assertFalse(body.contains("alice@a.example"), body);
    if (created.status() == 201) {
      String groupId = created.json().getString("id");
      String read = b.get("/Groups/" + groupId).raw().body();
      assertFalse(read.contains("alice@a.example"), read);
      assertEquals(404, a.get("/Groups/" + groupId).status());
      assertEquals(0, a.get("/Groups").json().getInteger("totalResults"));
      assertFalse(a.get("/Users/" + aliceId).raw().body().contains(groupId));
    } else {
      assertTrue(created.status() >= 400 && created.status() < 500, created.toString());
    }
    assertEquals(404, b.get("/Users/" + aliceId).status());
  }

  private static ScimClient onboard(String tenant) {
    ScimClient admin = CLUSTER.admin();
    Response created = admin.post("/tenants", new JsonObject().put("id", tenant).put("displayName", tenant));
    assertEquals(201, created.status(), created.toString());
    Response token = admin.post("/tenants/" + tenant + "/tokens", new JsonObject().put("description", "IdP"));
    assertEquals(201, token.status(), token.toString());
    assertEquals(created.json().getString("scimBaseUrl"), token.json().getString("scimBaseUrl"));
    return new ScimClient(created.json().getString("scimBaseUrl"), token.json().getString("token"), tenant);
  }

  private static String tokenOf(ScimClient client) {
    return CLUSTER.tokenFor(client.tenant());
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("userName", userName).put("active", true);
  }

  private static String created(Response response) {
    assertEquals(201, response.status(), response.toString());
    return response.json().getString("id");
  }
}
