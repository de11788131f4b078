package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.LIST_RESPONSE;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery (RFC 7644 §4) as an IdP's "Test connection" reads it: exact shapes, counts and 404s. */
class DiscoveryIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

  @Test
  void serviceProviderConfigTellsTheTruth() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject config = assertOk(scim.get("/ServiceProviderConfig"));
    assertEquals(new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"),
        config.getJsonArray("schemas"));
    assertEquals(new JsonObject().put("supported", true), config.getJsonObject("patch"));
    assertEquals(new JsonObject().put("supported", true).put("maxOperations", 1000)
        .put("maxPayloadSize", 10 * 1024 * 1024), config.getJsonObject("bulk"));
    assertEquals(new JsonObject().put("supported", true).put("maxResults", 1000), config.getJsonObject("filter"));
    assertEquals(new JsonObject().put("supported", false), config.getJsonObject("changePassword"));
    assertEquals(new JsonObject().put("supported", true), config.getJsonObject("sort"));
    assertEquals(new JsonObject().put("supported", true), config.getJsonObject("etag"));
    JsonArray schemes = config.getJsonArray("authenticationSchemes");
    assertEquals(1, schemes.size());
    assertEquals("oauthbearertoken", schemes.getJsonObject(0).getString("type"));
    assertTrue(schemes.getJsonObject(0).getBoolean("primary"));
    assertEquals(new JsonObject().put("resourceType", "ServiceProviderConfig")
        .put("location", scim.baseUrl() + "/ServiceProviderConfig"), config.getJsonObject("meta"));
  }

  @Test
  void resourceTypesListUserWithOptionalEnterpriseExtensionAndGroup() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject list = assertOk(scim.get("/ResourceTypes"));
    assertListOf(2, list);
    JsonObject user = list.getJsonArray("Resources").getJsonObject(0);
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:ResourceType"))
        .put("id", "User")
        .put("name", "User")
        .put("endpoint", "/Users")
        .put("description", "User Account")
        .put("schema", USER)
        .put("schemaExtensions", new JsonArray().add(new JsonObject().put("schema", ENTERPRISE).put("required", false)))
        .put("meta", new JsonObject().put("resourceType", "ResourceType")
            .put("location", scim.baseUrl() + "/ResourceTypes/User")), user);
    JsonObject group = list.getJsonArray("Resources").getJsonObject(1);
    assertEquals("/Groups", group.getString("endpoint"));
    assertEquals(GROUP, group.getString("schema"));
    assertNull(group.getJsonArray("schemaExtensions"));

    assertEquals(user, assertOk(scim.get("/ResourceTypes/User")));
    assertEquals(group, assertOk(scim.get("/ResourceTypes/Group")));
  }

  @Test
  void schemasListExactlyTheValidationSchemas() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject list = assertOk(scim.get("/Schemas"));
    assertListOf(3, list);
    List<String> ids = list.getJsonArray("Resources").stream().map(s -> ((JsonObject) s).getString("id")).toList();
    assertEquals(List.of(USER, ENTERPRISE, GROUP), ids);

    JsonObject user = assertOk(scim.get("/Schemas/" + USER));
    assertEquals(list.getJsonArray("Resources").getJsonObject(0), user);
    assertEquals(new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Schema"), user.getJsonArray("schemas"));
    assertEquals("User", user.getString("name"));
    assertEquals(new JsonObject().put("resourceType", "Schema").put("location", scim.baseUrl() + "/Schemas/" + USER),
        user.getJsonObject("meta"));
    JsonObject userName = attribute(user, "userName");
    assertEquals("string", userName.getString("type"));
    assertTrue(userName.getBoolean("required"));
    assertEquals("server", userName.getString("uniqueness"));
    JsonObject emails = attribute(user, "emails");
    assertTrue(emails.getBoolean("multiValued"));
    assertFalse(emails.getJsonArray("subAttributes").isEmpty());

    JsonObject members = attribute(assertOk(scim.get("/Schemas/" + GROUP)), "members");
    assertTrue(members.getBoolean("multiValued"));
    assertEquals("manager", attribute(assertOk(scim.get("/Schemas/" + ENTERPRISE)), "manager").getString("name"));
  }

  @Test
  void unknownResourceTypeOrSchemaIsScimNotFound() {
    ScimClient scim = CLUSTER.newTenant();
    assertScimError(404, scim.get("/ResourceTypes/Device"));
    assertScimError(404, scim.get("/ResourceTypes/user"));
    assertScimError(404, scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:Device"));
  }

  @Test
  void filteringDiscoveryIsForbidden() {
    ScimClient scim = CLUSTER.newTenant();
    assertScimError(403, scim.get("/Schemas?filter=id%20eq%20%22x%22"));
    assertScimError(403, scim.get("/ResourceTypes?filter=name%20eq%20%22User%22"));
  }

  @Test
  void discoveryNeedsTheTenantsToken() {
    ScimClient scim = CLUSTER.newTenant();
    var anonymous = scim.withToken(null).get("/ServiceProviderConfig");
    assertScimError(401, anonymous);
    assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"));
  }

  private static void assertListOf(int count, JsonObject list) {
    assertEquals(new JsonArray().add(LIST_RESPONSE), list.getJsonArray("schemas"));
    assertEquals(count, list.getInteger("totalResults"));
    assertEquals(count, list.getInteger("itemsPerPage"));
    assertEquals(1, list.getInteger("startIndex"));
    assertEquals(count, list.getJsonArray("Resources").size());
  }

  private static JsonObject attribute(JsonObject schema, String name) {
    return schema.getJsonArray("attributes").stream()
        .map(JsonObject.class::cast)
        .filter(attribute -> attribute.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + name + " in " + schema.getString("id")));
  }
}
