package io.scimbus.e2e;

import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * An Okta provisioning cycle for one user, request by request as Okta's "SCIM 2.0 protocol" reference shows it:
 * look up by userName with paging parameters, create, read, full-replace PUT, deactivate by PATCH, read back.
 */
class OktaUserLifecycleIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Test
  void provisionsReplacesAndDeactivatesAUser() {
    ScimClient scim = CLUSTER.newTenant();
    Response lookup = scim.get("/Users" + query("filter", "userName eq \"test.user@okta.local\"",
        "startIndex", "1", "count", "100"));
    assertEquals(200, lookup.status(), lookup.toString());
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add(LIST_RESPONSE))
        .put("totalResults", 0)
        .put("startIndex", 1)
        .put("itemsPerPage", 0)
        .put("Resources", new JsonArray()), lookup.json());

    Response created = scim.post("/Users", oktaUser("Test").put("password", "1mz050nq"));
    assertEquals(201, created.status(), created.toString());
    JsonObject user = created.json();
    String id = user.getString("id");
    assertEquals(user.getJsonObject("meta").getString("location"), created.header("Location"));
    assertEquals("test.user@okta.local", user.getString("userName"));
    assertEquals("Test User", user.getString("displayName"));
    assertEquals(true, user.getBoolean("active"));
    assertFalse(user.containsKey("password"), "password is writeOnly: never returned");
    assertFalse(user.containsKey("groups"), "groups is readOnly: ignored on input");

    Response found = scim.get("/Users" + query("filter", "userName eq \"test.user@okta.local\"",
        "startIndex", "1", "count", "100"));
    assertEquals(1, found.json().getInteger("totalResults"));
    assertEquals(1, found.json().getInteger("itemsPerPage"));
    assertEquals(user, found.json().getJsonArray("Resources").getJsonObject(0));

    Response read = scim.get("/Users/" + id);
    assertEquals(200, read.status(), read.toString());
    assertEquals(user, read.json());

    Response replaced = scim.put("/Users/" + id, oktaUser("Another").put("id", id)
        .put("meta", user.getJsonObject("meta")));
    assertEquals(200, replaced.status(), replaced.toString());
    assertEquals("Another", replaced.json().getJsonObject("name").getString("givenName"));
    assertEquals(id, replaced.json().getString("id"));
    assertEquals(user.getJsonObject("meta").getString("created"),
        replaced.json().getJsonObject("meta").getString("created"));

    Response deactivated = scim.patch("/Users/" + id, new JsonObject()
        .put("schemas", new JsonArray().add(PATCH_OP))
        .put("Operations", new JsonArray().add(new JsonObject()
            .put("op", "replace").put("value", new JsonObject().put("active", false)))));
    assertEquals(200, deactivated.status(), deactivated.toString());
    assertEquals(false, deactivated.json().getBoolean("active"));

    Response after = scim.get("/Users/" + id);
    assertEquals(200, after.status(), after.toString());
    assertEquals(false, after.json().getBoolean("active"));
    assertEquals("Another", after.json().getJsonObject("name").getString("givenName"));

    Response unknown = scim.get("/Users/00000000-0000-0000-0000-000000000000");
    assertEquals(404, unknown.status(), unknown.toString());
    assertEquals("404", unknown.json().getString("status"));
  }

  /** The user as Okta's reference sends it on create and, with the changed first name, on PUT. */
  private static JsonObject oktaUser(String givenName) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(USER))
        .put("userName", "test.user@okta.local")
        .put("name", new JsonObject().put("givenName", givenName).put("familyName", "User"))
        .put("emails", new JsonArray().add(new JsonObject()
            .put("primary", true).put("value", "test.user@okta.local").put("type", "work")))
        .put("displayName", "Test User")
        .put("locale", "en-US")
        .put("externalId", "00ujl29u0le5T6Aj10h7")
        .put("groups", new JsonArray())
        .put("active", true);
  }
}
