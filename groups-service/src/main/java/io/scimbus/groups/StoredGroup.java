package io.scimbus.groups;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A scim_groups row: the indexed columns and the canonical resource (without id, meta and members). */
record StoredGroup(UUID id, String displayName, String externalId, JsonObject resource, long version,
    OffsetDateTime created, OffsetDateTime lastModified) {

  static StoredGroup fromResource(UUID id, JsonObject resource, long version, OffsetDateTime created,
      OffsetDateTime lastModified) {
    return new StoredGroup(id, resource.getString("displayName"), resource.getString("externalId"), resource,
        version, created, lastModified);
  }

  /** The next version of this group holding {@code changed}, modified at {@code now}. */
  StoredGroup next(JsonObject changed, OffsetDateTime now) {
    return fromResource(id, changed, version + 1, created, now);
  }
}
