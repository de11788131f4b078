package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tokens are decided server-side: regenerate and revoke take effect on every gateway replica, within the bound. */
class TokenLifecycleIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String EXTRA_GATEWAY = CLUSTER.startExtraGateway();
  private static final Duration BOUND = Duration.ofSeconds(
      CLUSTER.config().integer(ConfigKeys.TOKEN_CACHE_SECONDS));

  @Test
  void regenerateMakesTheOldTokenFailOnASecondReplicaWithinTheBound() {
    ScimClient main = CLUSTER.newTenant();
    ScimClient replica = onReplica(main);
    assertEquals(200, replica.get("/Users").status(), "the old token is cached as active on the replica");
    assertEquals(200, main.get("/Users").status());

    Response regenerated = CLUSTER.admin().post("/tenants/" + main.tenant() + "/tokens/regenerate",
        new JsonObject().put("description", "rotated"));
    assertEquals(201, regenerated.status(), regenerated.toString());
    String newToken = regenerated.json().getString("token");
    assertEquals(1, regenerated.json().getJsonArray("revokedTokenIds").size());

    long started = System.nanoTime();
    Response refused = Eventually.await(BOUND, () -> replica.get("/Users"), r -> r.status() == 401);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertTrue(elapsedMs < BOUND.toMillis(), "old token still accepted after " + elapsedMs + " ms");
    assertEquals("Bearer realm=\"scimbus\", error=\"invalid_token\"", refused.header("WWW-Authenticate"));
    assertEquals("401", refused.json().getString("status"));
    assertEquals(401, main.get("/Users").status());
    assertEquals(200, replica.withToken(newToken).get("/Users").status());
    assertEquals(200, main.withToken(newToken).get("/Users").status());
  }

  @Test
  void revokeByIdAndListWithoutSecrets() {
    ScimClient scim = CLUSTER.newTenant();
    ScimClient admin = CLUSTER.admin();
    Response first = admin.post("/tenants/" + scim.tenant() + "/tokens", new JsonObject().put("description", "Okta"));
    Response second = admin.post("/tenants/" + scim.tenant() + "/tokens", new JsonObject());
    String firstToken = first.json().getString("token");
    String secondToken = second.json().getString("token");
    assertEquals(200, scim.withToken(firstToken).get("/Users").status());
    assertEquals(200, onReplica(scim).withToken(firstToken).get("/Users").status());

    String firstId = first.json().getString("id");
    assertEquals(204, admin.delete("/tenants/" + scim.tenant() + "/tokens/" + firstId).status());
    assertEquals(204, admin.delete("/tenants/" + scim.tenant() + "/tokens/" + firstId).status(), "idempotent");
    assertEquals(404, admin.delete("/tenants/" + scim.tenant() + "/tokens/" + UUID.randomUUID()).status());
    Eventually.await(BOUND, () -> onReplica(scim).withToken(firstToken).get("/Users"), r -> r.status() == 401);
    assertEquals(401, scim.withToken(firstToken).get("/Users").status());
    assertEquals(200, scim.withToken(secondToken).get("/Users").status());

    Response list = admin.get("/tenants/" + scim.tenant() + "/tokens");
    assertEquals(200, list.status());
    String body = list.raw().body();
    assertFalse(body.contains(firstToken) || body.contains(secondToken), "a secret leaked: " + body);
    JsonArray tokens = list.json().getJsonArray("Resources");
    assertEquals(3, tokens.size(), "newTenant's token and the two issued here: " + body);
    JsonObject revoked = tokens.stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(firstId)).findFirst().orElseThrow();
    assertEquals(false, revoked.getBoolean("active"));
    assertNotNull(revoked.getString("revoked"));
    assertEquals("Okta", revoked.getString("description"));
    assertNull(revoked.getValue("token"));
  }

  @Test
  void theAdminApiHasItsOwnCredential() {
    ScimClient scim = CLUSTER.newTenant();
    String adminUrl = CLUSTER.gatewayUrl() + "/admin/v1";
    Response anonymous = new ScimClient(adminUrl, null, null).get("/tenants");
    assertEquals(401, anonymous.status(), anonymous.toString());
    assertEquals("Bearer realm=\"scimbus\"", anonymous.header("WWW-Authenticate"));
    Response wrong = new ScimClient(adminUrl, "not-the-admin-token", null).get("/tenants");
    assertEquals(401, wrong.status());
    assertEquals("401", wrong.json().getString("status"));
    Response tenantToken = new ScimClient(adminUrl, CLUSTER.tokenFor(scim.tenant()), null).get("/tenants");
    assertEquals(401, tenantToken.status(), "a tenant token is never an admin credential");

    Response openApi = new ScimClient(adminUrl, null, null).get("/openapi.yaml");
    assertEquals(200, openApi.status());
    assertTrue(openApi.raw().body().startsWith("openapi: 3"), openApi.raw().body());
  }

  @Test
  void deletingATenantRevokesItsTokensAndItsIdIsNeverReused() {
    ScimClient scim = CLUSTER.newTenant();
    ScimClient replica = onReplica(scim);
    assertEquals(200, replica.get("/Users").status());
    assertEquals(204, CLUSTER.admin().delete("/tenants/" + scim.tenant()).status());
    Eventually.await(BOUND, () -> replica.get("/Users"), r -> r.status() == 401);
    assertEquals(401, scim.get("/Users").status());
    assertEquals(404, CLUSTER.admin().get("/tenants/" + scim.tenant()).status());
    assertEquals(404, CLUSTER.admin().post("/tenants/" + scim.tenant() + "/tokens", new JsonObject()).status());
    assertEquals(409, CLUSTER.admin().post("/tenants", new JsonObject().put("id", scim.tenant())).status());
  }

  @Test
  void whilePolicyServiceIsDownCachedTokensWorkAndUnknownOnesAreUnavailable() {
    ScimClient scim = CLUSTER.newTenant();
    String unused = CLUSTER.tokenFor(scim.tenant());
    assertEquals(200, scim.get("/Users").status());

    CLUSTER.stop(ScimbusCluster.POLICY);
    try {
      assertEquals(200, scim.get("/Users").status(), "a token known to be active keeps working");
      Response unknown = scim.withToken(unused).get("/Users");
      assertEquals(503, unknown.status(), unknown.toString());
      assertNotNull(unknown.header("Retry-After"));
    } finally {
      CLUSTER.restart(ScimbusCluster.POLICY);
    }
    // The gateway learns of the restarted member's bus address from the cluster, a moment after it registers.
    Response back = Eventually.await(Duration.ofSeconds(30), () -> scim.withToken(unused).get("/Users"),
        response -> response.status() == 200);
    assertEquals(200, back.status(), back.toString());
  }

  private static ScimClient onReplica(ScimClient client) {
    return new ScimClient(EXTRA_GATEWAY + "/scim/v2/" + client.tenant(), client.token(), client.tenant());
  }
}
