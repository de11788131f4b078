package io.scimbus.groups;

import io.vertx.core.json.JsonObject;

/**
 * One membership as stored: the member's id and its type, {@code User} or {@code Group}, derived from the id
 * ({@link MemberTypes}).
 */
record Member(String value, String type) {

  /** The {@code members} element; {@code $ref} from the type, which tells which endpoint the id belongs to. */
  JsonObject toJson(String baseUrl) {
    JsonObject json = new JsonObject().put("value", value);
    if (type != null) {
      json.put("type", type);
      if ("User".equalsIgnoreCase(type)) {
        json.put("$ref", baseUrl + "/Users/" + value);
      } else if ("Group".equalsIgnoreCase(type)) {
        json.put("$ref", baseUrl + GroupService.ENDPOINT + "/" + value);
      }
    }
    return json;
  }
}
