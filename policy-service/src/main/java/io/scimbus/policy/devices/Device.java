package io.scimbus.policy.devices;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A device as stored: the user it is assigned to (a users-service id, or null) and its policy (or null). */
public record Device(UUID id, String name, String serial, String assignedUserId, UUID policyId, long version,
    OffsetDateTime created, OffsetDateTime updated) {
  static final String COLUMNS = "id, name, serial, assigned_user_id, policy_id, version, created_at, updated_at";

  static Device of(Row row) {
    return new Device(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getUUID(4),
        row.getLong(5), row.getOffsetDateTime(6), row.getOffsetDateTime(7));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("name", name)
        .put("serial", serial)
        .put("assignedUserId", assignedUserId)
        .put("policyId", policyId == null ? null : policyId.toString())
        .put("version", version)
        .put("created", created.toInstant().toString())
        .put("updated", updated.toInstant().toString());
  }
}
