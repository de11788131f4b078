package io.scimbus.contract;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A durable provisioning event as it travels through Kafka. The record key is {@link #key()} so every event of one
 * resource lands on one partition, in order. {@code eventId} lets consumers drop redeliveries.
 */
public record ProvisioningEvent(String eventId, String type, String tenant, String resourceType, String resourceId,
    long version, String requestId, Instant occurredAt, JsonObject data) {

  public static ProvisioningEvent of(String type, String tenant, String resourceType, String resourceId,
      long version, String requestId, JsonObject data) {
    return new ProvisioningEvent(UUID.randomUUID().toString(), type, tenant, resourceType, resourceId, version,
        requestId, Instant.now(), data);
  }

  public String key() {
    return tenant + "/" + resourceId;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("eventId", eventId)
        .put("type", type)
        .put("tenant", tenant)
        .put("resourceType", resourceType)
        .put("resourceId", resourceId)
        .put("version", version)
        .put("requestId", requestId)
        .put("occurredAt", occurredAt.toString())
        .put("data", data);
  }

  public static ProvisioningEvent fromJson(JsonObject json) {
    return new ProvisioningEvent(json.getString("eventId"), json.getString("type"), json.getString("tenant"),
        json.getString("resourceType"), json.getString("resourceId"), json.getLong("version"),
        json.getString("requestId"), Instant.parse(json.getString("occurredAt")), json.getJsonObject("data"));
  }
}
