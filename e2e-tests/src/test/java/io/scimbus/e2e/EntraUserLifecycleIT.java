package io.scimbus.e2e;

import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Microsoft Entra ID provisioning cycle for one user, request by request as Microsoft's "Develop and plan
 * provisioning for a SCIM endpoint" article shows it: look up by userName (nothing), create, read, look up again,
 * update multi-valued and single-valued attributes with capitalised ops, disable, delete. Entra stops the cycle on
 * any unexpected status, so each one is pinned.
 */
class EntraUserLifecycleIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Test
  void provisionsUpdatesDisablesAndDeletesAUser() {
    ScimClient scim = CLUSTER.newTenant();
    String userName = "Test_User_" + UUID.randomUUID();
    String externalId = UUID.randomUUID().toString();
    String byUserName = "/Users" + query("filter", "userName eq \"" + userName + "\"");

    Response lookup = scim.get(byUserName);
    assertEquals(200, lookup.status(), lookup.toString());
    assertEquals(0, lookup.json().getInteger("totalResults"));
    assertEquals(new JsonArray(), lookup.json().getJsonArray("Resources"));

    Response created = scim.post("/Users", new JsonObject()
        .put("schemas", new JsonArray().add(USER).add(ENTERPRISE))
        .put("externalId", externalId)
        .put("userName", userName)
        .put("active", true)
        .put("emails", new JsonArray().add(new JsonObject()
            .put("primary", true).put("type", "work").put("value", "Test_User_" + externalId + "@testuser.com")))
        .put("meta", new JsonObject().put("resourceType", "User"))
        .put("name", new JsonObject()
            .put("formatted", "givenName familyName").put("familyName", "familyName").put("givenName", "givenName"))
        .put("roles", new JsonArray()));
    assertEquals(201, created.status(), created.toString());
    JsonObject user = created.json();
    String id = user.getString("id");
    assertNotNull(id);
    assertEquals(user.getJsonObject("meta").getString("location"), created.header("Location"));
    assertEquals(userName, user.getString("userName"));
    assertEquals(externalId, user.getString("externalId"));
    assertEquals(true, user.getBoolean("active"));
    assertEquals("User", user.getJsonObject("meta").getString("resourceType"));
    assertFalse(user.containsKey("roles"), "an empty multi-valued attribute is unassigned, not stored");

    Response read = scim.get("/Users/" + id);
    assertEquals(200, read.status(), read.toString());
    assertEquals(user, read.json());

    JsonObject found = scim.get(byUserName).json();
    assertEquals(1, found.getInteger("totalResults"));
    assertEquals(id, found.getJsonArray("Resources").getJsonObject(0).getString("id"));
    JsonObject byExternalId = scim.get("/Users" + query("filter", "externalId eq \"" + externalId + "\"")).json();
    assertEquals(id, byExternalId.getJsonArray("Resources").getJsonObject(0).getString("id"));

    Response multiValued = scim.patch("/Users/" + id, patchOp(
        op("Replace", "emails[type eq \"work\"].value", "updatedEmail@microsoft.com"),
        op("Replace", "name.familyName", "updatedFamilyName")));
    assertEquals(200, multiValued.status(), multiValued.toString());
    assertEquals("updatedEmail@microsoft.com",
        multiValued.json().getJsonArray("emails").getJsonObject(0).getString("value"));
    assertEquals("updatedFamilyName", multiValued.json().getJsonObject("name").getString("familyName"));

    String newUserName = UUID.randomUUID() + "@testuser.com";
    Response singleValued = scim.patch("/Users/" + id, patchOp(op("Replace", "userName", newUserName)));
    assertEquals(200, singleValued.status(), singleValued.toString());
    assertEquals(newUserName, singleValued.json().getString("userName"));

    Response disabled = scim.patch("/Users/" + id, patchOp(op("Replace", "active", "False")));
    assertEquals(200, disabled.status(), disabled.toString());
    assertEquals(false, disabled.json().getBoolean("active"));
    assertEquals(false, scim.get("/Users/" + id).json().getBoolean("active"));

    Response deleted = scim.delete("/Users/" + id);
    assertEquals(204, deleted.status(), deleted.toString());
    assertEquals(404, scim.get("/Users/" + id).status());
  }

  private static JsonObject op(String op, String path, Object value) {
    return new JsonObject().put("op", op).put("path", path).put("value", value);
  }

  private static JsonObject patchOp(JsonObject... operations) {
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_OP))
        .put("Operations", new JsonArray(List.of((Object[]) operations)));
  }
}
