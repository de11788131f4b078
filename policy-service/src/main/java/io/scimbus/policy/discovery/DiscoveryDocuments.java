package io.scimbus.policy.discovery;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents of one tenant (RFC 7643 §5-§7, RFC 7644 §4). They are built from the
 * {@link ResourceSchema}s that validate the tenant's resources, narrowed by its profile to what it accepts
 * ({@code DiscoverySchemas}), and from the {@link ServiceFeatures} the suite enforces, so discovery cannot describe a
 * different server than the one that answers.
 */
public final class DiscoveryDocuments {
  private static final String RFC_6750 = "https://www.rfc-editor.org/info/rfc6750";

  private final List<ResourceSchema> resourceTypes;
  private final ServiceFeatures features;

  public DiscoveryDocuments(List<ResourceSchema> resourceTypes, ServiceFeatures features) {
    this.resourceTypes = List.copyOf(resourceTypes);
    this.features = features;
  }

  public JsonObject serviceProviderConfig(String baseUrl) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.SERVICE_PROVIDER_CONFIG))
        .put("patch", supported(features.patch()))
        .put("bulk", supported(features.bulk())
            .put("maxOperations", features.bulkMaxOperations())
            .put("maxPayloadSize", features.maxPayloadBytes()))
        .put("filter", supported(features.filter()).put("maxResults", features.filterMaxResults()))
        .put("changePassword", supported(features.changePassword()))
        .put("sort", supported(features.sort()))
        .put("etag", supported(features.etag()))
        .put("authenticationSchemes", new JsonArray().add(new JsonObject()
            .put("type", "oauthbearertoken")
            .put("name", "OAuth Bearer Token")
            .put("description", "Authentication with the tenant's bearer token, as in RFC 6750")
            .put("specUri", RFC_6750)
            .put("primary", true)))
        .put("meta", meta("ServiceProviderConfig", baseUrl + "/ServiceProviderConfig"));
  }

  public JsonObject resourceTypes(String baseUrl) {
    return ListResponses.of(resourceTypes.stream().map(type -> resourceType(type, baseUrl)).toList());
  }

  /** The resource type whose id (its name, e.g. {@code User}) is {@code id}; 404 for any other. */
  public JsonObject resourceType(String id, String baseUrl) {
    return resourceTypes.stream()
        .filter(type -> type.name().equals(id))
        .findFirst()
        .map(type -> resourceType(type, baseUrl))
        .orElseThrow(() -> ScimException.notFound("no resource type " + id));
  }

  public JsonObject schemas(String baseUrl) {
    return ListResponses.of(allSchemas().values().stream().map(schema -> schema(schema, baseUrl)).toList());
  }

  /** The schema with this URN, compared case-insensitively as schema URNs are everywhere else; 404 otherwise. */
  public JsonObject schema(String urn, String baseUrl) {
    return allSchemas().values().stream()
        .filter(schema -> schema.id().equalsIgnoreCase(urn))
        .findFirst()
        .map(schema -> schema(schema, baseUrl))
        .orElseThrow(() -> ScimException.notFound("no schema " + urn));
  }

  private static JsonObject resourceType(ResourceSchema type, String baseUrl) {
    JsonArray extensions = new JsonArray();
    // No profile can make an extension mandatory yet, so none is required.
    type.extensions().forEach(extension -> extensions.add(new JsonObject()
        .put("schema", extension.id())
        .put("required", false)));
    JsonObject json = new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.RESOURCE_TYPE))
        .put("id", type.name())
        .put("name", type.name())
        .put("endpoint", type.endpoint());
    if (type.core().description() != null) {
      json.put("description", type.core().description());
    }
    json.put("schema", type.core().id());
    if (!extensions.isEmpty()) {
      json.put("schemaExtensions", extensions);
    }
    return json.put("meta", meta("ResourceType", baseUrl + "/ResourceTypes/" + type.name()));
  }

  /** {@link Schema#toMap()} in RFC 7643 §7 form; only its location is made absolute for this tenant. */
  private static JsonObject schema(Schema schema, String baseUrl) {
    return new JsonObject(schema.toMap()).put("meta", meta("Schema", baseUrl + "/Schemas/" + schema.id()));
  }

  /** Per resource type its core schema, then its extensions; a schema two resource types share is listed once. */
  private Map<String, Schema> allSchemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    for (ResourceSchema type : resourceTypes) {
      schemas.putIfAbsent(type.core().id(), type.core());
      type.extensions().forEach(extension -> schemas.putIfAbsent(extension.id(), extension));
    }
    return schemas;
  }

  private static JsonObject supported(boolean supported) {
    return new JsonObject().put("supported", supported);
  }

  private static JsonObject meta(String resourceType, String location) {
    return new JsonObject().put("resourceType", resourceType).put("location", location);
  }
}
