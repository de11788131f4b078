package io.scimbus.policy.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {
  private static final String BASE = "https://scim.example.com/scim/v2/t1";
  private static final DiscoveryDocuments DOCUMENTS = new DiscoveryDocuments(
      List.of(ResourceSchema.users(), ResourceSchema.groups()), ServiceFeatures.all(1000, 10_485_760, 1000));

  @Test
  void serviceProviderConfigStatesTheEnforcedLimits() {
    JsonObject config = DOCUMENTS.serviceProviderConfig(BASE);
    assertEquals(new JsonObject().put("supported", true).put("maxOperations", 1000).put("maxPayloadSize", 10_485_760L),
        config.getJsonObject("bulk"));
    assertEquals(1000, config.getJsonObject("filter").getInteger("maxResults"));
    assertFalse(config.getJsonObject("changePassword").getBoolean("supported"));
    assertEquals(BASE + "/ServiceProviderConfig", config.getJsonObject("meta").getString("location"));
  }

  @Test
  void schemasAreTheValidationSchemasWithAbsoluteLocations() {
    JsonArray resources = DOCUMENTS.schemas(BASE).getJsonArray("Resources");
    assertEquals(List.of(ScimUrns.USER, ScimUrns.ENTERPRISE_USER, ScimUrns.GROUP),
        resources.stream().map(schema -> ((JsonObject) schema).getString("id")).toList());
    JsonObject user = DOCUMENTS.schema(ScimUrns.USER.toLowerCase(), BASE);
    JsonObject expected = new JsonObject(ResourceSchema.users().core().toMap());
    assertEquals(expected.getJsonArray("attributes"), user.getJsonArray("attributes"));
    assertEquals(BASE + "/Schemas/" + ScimUrns.USER, user.getJsonObject("meta").getString("location"));
  }

  @Test
  void userResourceTypeCarriesTheOptionalEnterpriseExtension() {
    JsonObject user = DOCUMENTS.resourceType("User", BASE);
    assertEquals("/Users", user.getString("endpoint"));
    assertEquals(new JsonArray().add(new JsonObject().put("schema", ScimUrns.ENTERPRISE_USER).put("required", false)),
        user.getJsonArray("schemaExtensions"));
    assertTrue(DOCUMENTS.resourceType("Group", BASE).getJsonArray("schemaExtensions") == null);
  }

  @Test
  void unknownIdsAreNotFound() {
    assertEquals(404, assertThrows(ScimException.class, () -> DOCUMENTS.resourceType("Device", BASE)).status());
    assertEquals(404, assertThrows(ScimException.class, () -> DOCUMENTS.schema("urn:nope", BASE)).status());
  }
}
