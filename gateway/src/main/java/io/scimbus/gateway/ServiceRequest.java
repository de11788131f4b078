package io.scimbus.gateway;

import io.vertx.core.json.JsonObject;

/**
 * A SCIM request for the service that owns it: the bus address, the action, the tenant resolved at the edge, the
 * request id, and the {@link io.scimbus.contract.RequestFields} payload.
 */
record ServiceRequest(String address, String action, String tenant, String requestId, JsonObject payload) {

  /** Adds a payload field; absent values are left out, as services read absence as "not sent". */
  ServiceRequest with(String field, Object value) {
    if (value != null) {
      payload.put(field, value);
    }
    return this;
  }
}
