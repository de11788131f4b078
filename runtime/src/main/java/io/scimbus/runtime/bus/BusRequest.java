package io.scimbus.runtime.bus;

import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.RequestFields;
import io.scimbus.core.error.ScimException;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * A SCIM request as a service receives it from the gateway. The tenant always comes from the header, and so does the
 * {@link Deadline} every transaction of the request is bounded by.
 */
public record BusRequest(String tenant, String requestId, Deadline deadline, JsonObject payload) {

  static BusRequest of(Message<JsonObject> message) {
    JsonObject payload = message.body() == null ? new JsonObject() : message.body();
    return new BusRequest(message.headers().get(BusHeaders.TENANT), message.headers().get(BusHeaders.REQUEST_ID),
        Deadline.fromHeader(message.headers().get(BusHeaders.DEADLINE)), payload);
  }

  public String id() {
    return payload.getString(RequestFields.ID);
  }

  public JsonObject body() {
    JsonObject body = payload.getJsonObject(RequestFields.BODY);
    return body == null ? new JsonObject() : body;
  }

  public JsonObject query() {
    JsonObject query = payload.getJsonObject(RequestFields.QUERY);
    return query == null ? new JsonObject() : query;
  }

  /** An integer query parameter (they travel as strings); garbage is the client's error. */
  public int queryInt(String name, int fallback) {
    return intParam(query(), name, fallback);
  }

  /** Parameter {@code name} of {@code query} as an integer, {@code fallback} when absent; 400 when not a number. */
  public static int intParam(JsonObject query, String name, int fallback) {
    String value = query.getString(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ScimException.invalidValue(name + " must be an integer, got \"" + value + "\"");
    }
  }

  public String baseUrl() {
    return payload.getString(RequestFields.BASE_URL, "");
  }

  public String ifMatch() {
    return payload.getString(RequestFields.IF_MATCH);
  }

  public String ifNoneMatch() {
    return payload.getString(RequestFields.IF_NONE_MATCH);
  }
}
