package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusHeaders;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tenant lifecycle and profiles through the admin API, and the profile as services read it over the bus. */
class TenantAdminIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void createGetListRename() {
    ScimClient admin = CLUSTER.admin();
    String id = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = admin.post("/tenants", new JsonObject().put("id", id).put("displayName", "Acme"));
    assertEquals(201, created.status(), created.toString());
    assertEquals(CLUSTER.gatewayUrl() + "/scim/v2/" + id, created.json().getString("scimBaseUrl"));
    assertEquals("standard", created.json().getString("profile"));
    assertEquals(409, admin.post("/tenants", new JsonObject().put("id", id)).status());

    Response got = admin.get("/tenants/" + id);
    assertEquals("Acme", got.json().getString("displayName"));
    assertEquals(200, admin.patch("/tenants/" + id, new JsonObject().put("displayName", "Acme Inc")).status());
    assertEquals("Acme Inc", admin.get("/tenants/" + id).json().getString("displayName"));

    JsonObject firstPage = admin.get("/tenants" + ScimClient.query("count", "1")).json();
    assertEquals(1, firstPage.getInteger("itemsPerPage"));
    assertTrue(firstPage.getInteger("totalResults") >= 1);
    assertTrue(firstPage.getJsonArray("Resources").getJsonObject(0).containsKey("scimBaseUrl"));
    assertEquals(404, admin.get("/tenants/no-such-tenant").status());
  }

  @Test
  void tenantIdsAreSlugs() {
    ScimClient admin = CLUSTER.admin();
    for (String bad : new String[] {"AB", "ab", "has space", "UPPER-case", "x".repeat(64)}) {
      Response refused = admin.post("/tenants", new JsonObject().put("id", bad));
      assertEquals(400, refused.status(), bad + ": " + refused);
      assertEquals("invalidValue", refused.json().getString("scimType"));
    }
    assertEquals(400, admin.send("POST", "/tenants", "{\"id\": ", Map.of()).status());
  }

  /** PostgreSQL cannot store NUL, and a label holds no control character: 400 instead of 500, nothing stored. */
  @Test
  void controlCharactersInTenantAndTokenLabelsAreRefused() {
    ScimClient admin = CLUSTER.admin();
    ScimClient scim = CLUSTER.newTenant();
    String tokens = "/tenants/" + scim.tenant() + "/tokens";
    String absent = "nul-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject tenantBefore = admin.get("/tenants/" + scim.tenant()).json();
    JsonObject tokensBefore = admin.get(tokens).json();
    for (String bad : new String[] {"a\u0000b", "a\u0007b", "a\nb"}) {
      assertInvalidValue(admin.post("/tenants", new JsonObject().put("id", absent).put("displayName", bad)));
      assertInvalidValue(admin.patch("/tenants/" + scim.tenant(), new JsonObject().put("displayName", bad)));
      assertInvalidValue(admin.post(tokens, new JsonObject().put("description", bad)));
      assertInvalidValue(admin.post(tokens + "/regenerate", new JsonObject().put("description", bad)));
    }
    assertEquals(404, admin.get("/tenants/" + absent).status(), "no tenant was created");
    assertEquals(tenantBefore, admin.get("/tenants/" + scim.tenant()).json(), "the tenant was not renamed");
    assertEquals(tokensBefore, admin.get(tokens).json(), "no token was issued or revoked");
    assertEquals(200, scim.get("/Users").status());
  }

  private static void assertInvalidValue(Response response) {
    assertEquals("invalidValue", assertScimError(400, response).getString("scimType"), response.toString());
  }

  @Test
  void profileFromPresetOrDocumentIsPublishedAndServedOverTheBus() throws Exception {
    ScimClient admin = CLUSTER.admin();
    String id = "prof-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, admin.post("/tenants", new JsonObject().put("id", id).put("profile", "app-roles")).status());
    assertEquals("app-roles", admin.get("/tenants/" + id + "/profile").json().getString("name"));

    EventBus bus = CLUSTER.member(ScimbusCluster.GATEWAY).vertx().eventBus();
    CompletableFuture<String> changed = new CompletableFuture<>();
    MessageConsumer<JsonObject> listener = bus.consumer(BusAddresses.PROFILE_CHANGED, message -> {
      if (id.equals(message.headers().get(BusHeaders.TENANT))) {
        changed.complete(message.headers().get(BusHeaders.TENANT));
      }
    });
    listener.completion().await(10, TimeUnit.SECONDS);
    try {
      Response set = admin.put("/tenants/" + id + "/profile", new JsonObject().put("preset", "minimal-users"));
      assertEquals(200, set.status(), set.toString());
      assertEquals(id, changed.get(10, TimeUnit.SECONDS));
    } finally {
      listener.unregister();
    }
    JsonObject viaBus = profileOverBus(bus, id);
    assertEquals("minimal-users", viaBus.getString("name"));
    assertEquals(false, viaBus.getJsonObject("groups").getBoolean("enabled"));

    JsonObject custom = viaBus.copy().put("name", "acme-custom");
    assertEquals(200, admin.put("/tenants/" + id + "/profile", custom).status());
    assertEquals("acme-custom", admin.get("/tenants/" + id).json().getString("profile"));

    Response unknownPreset = admin.put("/tenants/" + id + "/profile", new JsonObject().put("preset", "nope"));
    assertEquals(400, unknownPreset.status());
    assertEquals("invalidValue", unknownPreset.json().getString("scimType"));
    JsonObject typo = viaBus.copy().put("users", new JsonObject().put("required", new JsonArray()
        .add("name.givnName")));
    assertEquals(400, admin.put("/tenants/" + id + "/profile", typo).status(), "paths are checked when set");
    assertEquals(404, admin.put("/tenants/no-such-tenant/profile", new JsonObject().put("preset", "standard"))
        .status());

    ReplyException unknown = assertThrows(ReplyException.class,
        () -> profileOverBus(bus, "no-such-tenant"));
    assertEquals(404, unknown.failureCode());
  }

  private static JsonObject profileOverBus(EventBus bus, String tenant) throws Exception {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(BusHeaders.ACTION, Actions.PROFILE)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, "test");
    return bus.<JsonObject>request(BusAddresses.POLICY, new JsonObject(), options).await(10, TimeUnit.SECONDS)
        .body().getJsonObject("body");
  }
}
