package io.scimbus.contract;

import io.vertx.core.json.JsonObject;

/**
 * The reply envelope of a SCIM bus request: the HTTP status the gateway answers with, the body (absent for 204),
 * and the resource version for the {@code ETag} header.
 */
public record ScimReply(int status, JsonObject body, String version) {
  private static final String STATUS = "status";
  private static final String BODY = "body";
  private static final String VERSION = "version";

  public static ScimReply ok(JsonObject body, String version) {
    return new ScimReply(200, body, version);
  }

  public static ScimReply created(JsonObject body, String version) {
    return new ScimReply(201, body, version);
  }

  public static ScimReply noContent() {
    return new ScimReply(204, null, null);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(STATUS, status);
    if (body != null) {
      json.put(BODY, body);
    }
    if (version != null) {
      json.put(VERSION, version);
    }
    return json;
  }

  public static ScimReply fromJson(JsonObject json) {
    return new ScimReply(json.getInteger(STATUS), json.getJsonObject(BODY), json.getString(VERSION));
  }
}
