package io.scimbus.notifier;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint row. {@code eventTypes} null means every type; secrets are still encrypted here. */
record Endpoint(UUID id, String tenant, String url, List<String> eventTypes, String description, boolean enabled,
    String disabledReason, String secret, String previousSecret, OffsetDateTime previousSecretExpiresAt,
    OffsetDateTime createdAt, OffsetDateTime updatedAt) {

  static Endpoint of(Row row) {
    String[] types = row.getArrayOfStrings("event_types");
    return new Endpoint(row.getUUID("id"), row.getString("tenant_id"), row.getString("url"),
        types == null ? null : Arrays.asList(types), row.getString("description"), row.getBoolean("enabled"),
        row.getString("disabled_reason"), row.getString("secret"), row.getString("previous_secret"),
        row.getOffsetDateTime("previous_secret_expires_at"), row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  /** The endpoint as the admin API shows it: never a secret. */
  JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("url", url)
        .put("eventTypes", eventTypes == null ? null : new JsonArray(List.copyOf(eventTypes)))
        .put("description", description)
        .put("enabled", enabled)
        .put("disabledReason", disabledReason)
        .put("createdAt", createdAt.toInstant().toString())
        .put("updatedAt", updatedAt.toInstant().toString());
  }
}
