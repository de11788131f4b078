package io.scimbus.contract;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One SCIM write as the gateway answered it, on its way through Kafka ({@link Topics#PROVISIONING_LOG}) into
 * policy-service's provisioning log. {@code entryId} makes the consumer idempotent; {@code outcome} is empty on
 * success and {@code scimType: detail} on failure; {@code resourceId} and {@code userName} are null when unknown.
 */
public record ProvisioningLogEntry(String entryId, String tenant, Instant at, String requestId, String method,
    String operation, String resourceType, String resourceId, int status, String outcome, String userName) {

  public static final String CREATE = "create";
  public static final String REPLACE = "replace";
  public static final String PATCH = "patch";
  public static final String DELETE = "delete";
  public static final String BULK = "bulk";

  public JsonObject toJson() {
    return new JsonObject()
        .put("entryId", entryId)
        .put("tenant", tenant)
        .put("at", at.toString())
        .put("requestId", requestId)
        .put("method", method)
        .put("operation", operation)
        .put("resourceType", resourceType)
        .put("resourceId", resourceId)
        .put("status", status)
        .put("outcome", outcome)
        .put("userName", userName);
  }

  public static ProvisioningLogEntry fromJson(JsonObject json) {
    return new ProvisioningLogEntry(json.getString("entryId"), json.getString("tenant"),
        Instant.parse(json.getString("at")), json.getString("requestId"), json.getString("method"),
        json.getString("operation"), json.getString("resourceType"), json.getString("resourceId"),
        json.getInteger("status"), json.getString("outcome"), json.getString("userName"));
  }
}
