package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /Bulk} (RFC 7644 §3.7) through the gateway and the resource services. */
class BulkIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  private static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void createsUsersAndResolvesBulkIdReferencesInData() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject response = assertOk(scim.post("/Bulk", bulk(
        post("/Users", "boss", new JsonObject().put("userName", "boss@example.com")),
        post("/Users", "report", new JsonObject()
            .put("userName", "report@example.com")
            .put(ENTERPRISE, new JsonObject().put("manager", new JsonObject().put("value", "bulkId:boss")))))));

    assertEquals(new JsonArray().add(BULK_RESPONSE), response.getJsonArray("schemas"));
    JsonArray results = response.getJsonArray("Operations");
    assertEquals(2, results.size());
    JsonObject boss = results.getJsonObject(0);
    assertEquals("POST", boss.getString("method"));
    assertEquals("boss", boss.getString("bulkId"));
    assertEquals("201", boss.getString("status"), boss.encode());
    assertNotNull(boss.getString("version"));
    assertNull(boss.getJsonObject("response"));

    JsonObject bossUser = assertOk(scim.get(path(scim, boss.getString("location"))));
    assertEquals("boss@example.com", bossUser.getString("userName"));
    assertEquals(boss.getString("version"), bossUser.getJsonObject("meta").getString("version"));
    JsonObject reportUser = assertOk(scim.get(path(scim, results.getJsonObject(1).getString("location"))));
    assertEquals(bossUser.getString("id"),
        reportUser.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"));
  }

  @Test
  void resolvesBulkIdReferencesInPaths() {
    ScimClient scim = CLUSTER.newTenant();
    JsonArray results = assertOk(scim.post("/Bulk", bulk(
        post("/Users", "u1", new JsonObject().put("userName", "path@example.com")),
        new JsonObject().put("method", "DELETE").put("path", "/Users/bulkId:u1"))))
        .getJsonArray("Operations");
    String location = results.getJsonObject(0).getString("location");
    JsonObject delete = results.getJsonObject(1);
    assertEquals(location, delete.getString("location"), delete.encode());
    // The reference resolved; whether DELETE itself is implemented is the users service's business.
    assertNotEquals("409", delete.getString("status"), delete.encode());
  }

  @Test
  void unresolvableBulkIdFailsThatOperationWithConflict() {
    ScimClient scim = CLUSTER.newTenant();
    JsonArray results = assertOk(scim.post("/Bulk", bulk(
        post("/Users", "dup1", new JsonObject().put("userName", "same@example.com")),
        post("/Users", "dup2", new JsonObject().put("userName", "same@example.com")),
        new JsonObject().put("method", "DELETE").put("path", "/Users/bulkId:dup2"),
        new JsonObject().put("method", "DELETE").put("path", "/Users/bulkId:never"))))
        .getJsonArray("Operations");

    assertEquals(4, results.size());
    JsonObject duplicate = results.getJsonObject(1);
    assertEquals("409", duplicate.getString("status"));
    assertNull(duplicate.getString("location"), "a failed POST has no location");
    assertEquals("uniqueness", duplicate.getJsonObject("response").getString("scimType"));
    for (int i = 2; i < 4; i++) {
      JsonObject unresolved = results.getJsonObject(i);
      assertEquals("409", unresolved.getString("status"), unresolved.encode());
      JsonObject error = unresolved.getJsonObject("response");
      assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", error.getJsonArray("schemas").getString(0));
      assertEquals("409", error.getString("status"));
      assertTrue(error.getString("detail").contains("cannot be resolved"), error.encode());
    }
  }

  @Test
  void stopsAfterFailOnErrorsErrors() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject request = bulk(
        post("/Users", "a", new JsonObject().put("userName", "a@example.com")),
        post("/Users", "a2", new JsonObject().put("userName", "a@example.com")),
        post("/Users", "a3", new JsonObject().put("userName", "A@example.com")),
        post("/Users", "b", new JsonObject().put("userName", "b@example.com")))
        .put("failOnErrors", 2);
    JsonArray results = assertOk(scim.post("/Bulk", request)).getJsonArray("Operations");

    assertEquals(3, results.size(), results.encode());
    assertEquals("201", results.getJsonObject(0).getString("status"));
    assertEquals("409", results.getJsonObject(1).getString("status"));
    assertEquals("409", results.getJsonObject(2).getString("status"));
    // b was never attempted: creating it now succeeds.
    assertEquals(201, scim.post("/Users", new JsonObject().put("userName", "b@example.com")).status());
  }

  @Test
  void moreThanMaxOperationsIsPayloadTooLarge() {
    JsonObject[] operations = new JsonObject[1001];
    for (int i = 0; i < operations.length; i++) {
      operations[i] = post("/Users", "u" + i, new JsonObject().put("userName", "u" + i + "@example.com"));
    }
    ScimClient scim = CLUSTER.newTenant();
    JsonObject error = assertScimError(413, scim.post("/Bulk", bulk(operations)));
    assertTrue(error.getString("detail").contains("1000"), error.encode());
    // Refused before any operation ran: the first user does not exist yet.
    assertEquals(201, scim.post("/Users", new JsonObject().put("userName", "u0@example.com")).status());
  }

  @Test
  void malformedBulkRequestIsRefusedWhole() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals("invalidSyntax", assertScimError(400, scim.post("/Bulk",
        new JsonObject().put("Operations", new JsonArray()))).getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.post("/Bulk", bulk(
        new JsonObject().put("method", "GET").put("path", "/Users")))).getString("scimType"));
  }

  /** Runs only where groups-service creates groups; elsewhere /Groups answers 501 and this is skipped. */
  @Test
  void createsGroupWhoseMemberIsAUserCreatedInTheSameRequest() {
    ScimClient scim = CLUSTER.newTenant();
    assumeTrue(scim.post("/Groups", new JsonObject().put("displayName", "probe")).status() == 201,
        "groups-service does not create groups yet");
    JsonArray results = assertOk(scim.post("/Bulk", bulk(
        post("/Users", "alice", new JsonObject().put("userName", "alice@example.com")),
        post("/Groups", "team", new JsonObject().put("displayName", "Team")
            .put("members", new JsonArray().add(new JsonObject().put("value", "bulkId:alice")))))))
        .getJsonArray("Operations");

    assertEquals("201", results.getJsonObject(1).getString("status"), results.encode());
    String userId = assertOk(scim.get(path(scim, results.getJsonObject(0).getString("location")))).getString("id");
    JsonObject group = assertOk(scim.get(path(scim, results.getJsonObject(1).getString("location"))));
    assertEquals(userId, group.getJsonArray("members").getJsonObject(0).getString("value"));
  }

  private static JsonObject bulk(JsonObject... operations) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(BULK_REQUEST))
        .put("Operations", new JsonArray(List.of((Object[]) operations)));
  }

  private static JsonObject post(String path, String bulkId, JsonObject data) {
    return new JsonObject().put("method", "POST").put("path", path).put("bulkId", bulkId).put("data", data);
  }

  /** The path of an absolute location below the tenant's base URL. */
  private static String path(ScimClient scim, String location) {
    assertTrue(location.startsWith(scim.baseUrl() + "/"), location);
    return location.substring(scim.baseUrl().length());
  }
}
