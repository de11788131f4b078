package io.scimbus.users;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A user row: the indexed columns and the canonical resource (without id and meta). */
record StoredUser(UUID id, String userName, String externalId, String displayName, Boolean active,
    JsonObject resource, long version, OffsetDateTime created, OffsetDateTime lastModified) {

  static StoredUser fromResource(UUID id, JsonObject resource, long version, OffsetDateTime created,
      OffsetDateTime lastModified) {
    return new StoredUser(id, resource.getString("userName"), resource.getString("externalId"),
        resource.getString("displayName"), resource.getBoolean("active"), resource, version, created, lastModified);
  }

  /** The next version of this user holding {@code resource}: same id and creation time. */
  StoredUser next(JsonObject resource, OffsetDateTime now) {
    return fromResource(id, resource, version + 1, created, now);
  }
}
