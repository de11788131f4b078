package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One validated operation of a bulk request (RFC 7644 §3.7). {@code id} is absent for POST and may still be a
 * {@code bulkId:} reference; {@code data} is absent for DELETE.
 */
record BulkOperation(String method, String endpoint, String id, String bulkId, String version,
    JsonObject data) {

  /** The methods RFC 7644 §3.7 allows in a bulk request, and the bus action each one is. */
  static final Map<String, String> ACTIONS = Map.of(
      "POST", Actions.CREATE,
      "PUT", Actions.REPLACE,
      "PATCH", Actions.PATCH,
      "DELETE", Actions.DELETE);

  String action() {
    return ACTIONS.get(method);
  }
}
