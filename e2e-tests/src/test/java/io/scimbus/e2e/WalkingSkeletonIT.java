package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A user travels gateway → clustered bus → users-service → PostgreSQL → outbox → Kafka → notifier-service. */
class WalkingSkeletonIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void createdUserIsStoredReturnedAndAnnounced() {
    ScimClient scim = CLUSTER.newTenant();
    Response created = scim.post("/Users", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", "ada@example.com")
        .put("externalId", "ext-ada")
        .put("name", new JsonObject().put("givenName", "Ada").put("familyName", "Lovelace")));

    assertEquals(201, created.status(), created.toString());
    assertEquals("application/scim+json", created.header("Content-Type"));
    JsonObject user = created.json();
    String id = user.getString("id");
    assertNotNull(id);
    assertEquals("ada@example.com", user.getString("userName"));
    assertEquals("Ada", user.getJsonObject("name").getString("givenName"));
    JsonObject meta = user.getJsonObject("meta");
    assertEquals("User", meta.getString("resourceType"));
    assertEquals(scim.baseUrl() + "/Users/" + id, meta.getString("location"));
    assertEquals(meta.getString("location"), created.header("Location"));
    assertEquals(meta.getString("version"), created.header("ETag"));

    Response fetched = scim.get("/Users/" + id);
    assertEquals(200, fetched.status(), fetched.toString());
    assertEquals(user, fetched.json());

    JsonObject event = new NotifierEvents(CLUSTER, scim.tenant()).await(id);
    assertEquals("user.created", event.getString("type"));
    assertEquals("ada@example.com", event.getJsonObject("data").getString("userName"));
  }

  @Test
  void unknownIdIsScimNotFound() {
    ScimClient scim = CLUSTER.newTenant();
    for (String id : new String[] {"2819c223-7f76-453a-919d-413861904646", "not-a-uuid"}) {
      Response missing = scim.get("/Users/" + id);
      assertEquals(404, missing.status(), missing.toString());
      assertEquals("application/scim+json", missing.header("Content-Type"));
      JsonObject body = missing.json();
      assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", body.getJsonArray("schemas").getString(0));
      assertEquals("404", body.getString("status"));
    }
  }

  @Test
  void duplicateUserNameIsUniquenessConflictWhateverTheCase() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals(201, scim.post("/Users", new JsonObject().put("userName", "grace@example.com")).status());
    Response duplicate = scim.post("/Users", new JsonObject().put("userName", "GRACE@example.com"));
    assertEquals(409, duplicate.status(), duplicate.toString());
    assertEquals("uniqueness", duplicate.json().getString("scimType"));
    assertEquals("409", duplicate.json().getString("status"));
  }

  @Test
  void tokensAreBoundToTheirTenant() {
    ScimClient a = CLUSTER.newTenant();
    ScimClient b = CLUSTER.newTenant();
    String id = a.post("/Users", new JsonObject().put("userName", "alan@example.com")).json().getString("id");

    Response crossTenant = b.withToken(CLUSTER.tokenFor(a.tenant())).get("/Users/" + id);
    assertEquals(401, crossTenant.status(), crossTenant.toString());
    assertNotNull(crossTenant.header("WWW-Authenticate"));
    assertEquals(404, b.get("/Users/" + id).status());
    assertEquals(401, a.withToken("not.a.jwt").get("/Users/" + id).status());
    assertEquals(401, a.withToken(null).get("/Users/" + id).status());
  }

  @Test
  void malformedJsonIsInvalidSyntax() {
    Response bad = CLUSTER.newTenant().send("POST", "/Users", "{\"userName\": ");
    assertEquals(400, bad.status(), bad.toString());
    assertEquals("invalidSyntax", bad.json().getString("scimType"));
  }
}
