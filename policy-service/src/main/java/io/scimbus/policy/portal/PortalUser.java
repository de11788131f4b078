package io.scimbus.policy.portal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the portals keep of a user, from the user event's data: its id, userName, whether it is active, and its web
 * access role (the first {@code roles} value, as the enterprise-toolkit profile uses them; none means app login
 * only).
 */
public record PortalUser(String id, String userName, boolean active, String webAccessRole) {

  public static PortalUser of(String id, JsonObject data) {
    JsonObject user = data == null ? new JsonObject() : data;
    JsonArray roles = user.getValue("roles") instanceof JsonArray array ? array : new JsonArray();
    String role = null;
    for (int i = 0; i < roles.size() && role == null; i++) {
      if (roles.getValue(i) instanceof JsonObject entry && entry.getValue("value") instanceof String value) {
        role = value;
      }
    }
    return new PortalUser(id, user.getString("userName"), !Boolean.FALSE.equals(user.getValue("active")), role);
  }
}
