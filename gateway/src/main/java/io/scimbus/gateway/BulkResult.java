package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonObject;

/** The outcome of one bulk operation, as an element of the BulkResponse's {@code Operations} (RFC 7644 §3.7.3). */
record BulkResult(JsonObject json, boolean failed) {

  static BulkResult success(BulkOperation operation, int status, String location, String version) {
    JsonObject json = common(operation, location).put("status", Integer.toString(status));
    if (version != null) {
      json.put("version", version);
    }
    return new BulkResult(json, false);
  }

  /** The error body goes in {@code response}; a failed POST has no location, since nothing was created. */
  static BulkResult failure(BulkOperation operation, ScimException error, String location) {
    JsonObject json = common(operation, location)
        .put("status", Integer.toString(error.status()))
        .put("response", new JsonObject(error.toBody()));
    return new BulkResult(json, true);
  }

  private static JsonObject common(BulkOperation operation, String location) {
    JsonObject json = new JsonObject().put("method", operation.method());
    if (operation.bulkId() != null) {
      json.put("bulkId", operation.bulkId());
    }
    if (location != null) {
      json.put("location", location);
    }
    return json;
  }
}
