package io.scimbus.notifier;

import io.scimbus.contract.EventTypes;
import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of a webhook endpoint as the admin API takes them, checked before anything is stored: {@code url}
 * (absolute http or https), {@code eventTypes} (known types; absent or null means all), {@code description}, and on
 * update {@code enabled}.
 */
final class WebhookInput {
  static final int MAX_DESCRIPTION = 500;
  private static final Set<String> CREATE_FIELDS = Set.of("url", "eventTypes", "description");
  private static final Set<String> UPDATE_FIELDS = Set.of("url", "eventTypes", "description", "enabled");

  private WebhookInput() {
  }

  /** {@code body}, checked as a new endpoint's fields. */
  static JsonObject forCreate(JsonObject body) {
    onlyKnown(body, CREATE_FIELDS);
    if (!body.containsKey("url")) {
      throw ScimException.invalidValue("url is required");
    }
    return check(body);
  }

  /** {@code body}, checked as changes to an endpoint (only the fields present change). */
  static JsonObject forUpdate(JsonObject body) {
    onlyKnown(body, UPDATE_FIELDS);
    if (body.isEmpty()) {
      throw ScimException.invalidValue("nothing to change: send url, eventTypes, description or enabled");
    }
    if (body.containsKey("enabled") && !(body.getValue("enabled") instanceof Boolean)) {
      throw ScimException.invalidValue("enabled must be true or false");
    }
    return check(body);
  }

  private static JsonObject check(JsonObject body) {
    if (body.containsKey("url")) {
      if (!(body.getValue("url") instanceof String url)) {
        throw ScimException.invalidValue("url must be a string");
      }
      TargetPolicy.parse(url);
    }
    if (body.containsKey("description")) {
      if (!(body.getValue("description") instanceof String text) || text.length() > MAX_DESCRIPTION) {
        throw ScimException.invalidValue("description must be a string of at most " + MAX_DESCRIPTION
            + " characters");
      }
    }
    if (body.containsKey("eventTypes")) {
      eventTypes(body.getValue("eventTypes"));
    }
    return body;
  }

  /** The subscribed types, null for all. */
  static List<String> eventTypes(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ScimException.invalidValue("eventTypes must be a non-empty array of event types, or absent for all: "
          + EventTypes.SUBSCRIBABLE);
    }
    Set<String> types = new LinkedHashSet<>();
    for (Object type : array) {
      if (!(type instanceof String name) || !EventTypes.SUBSCRIBABLE.contains(name)) {
        throw ScimException.invalidValue("unknown event type " + type + "; known: " + EventTypes.SUBSCRIBABLE);
      }
      types.add(name);
    }
    return new ArrayList<>(types);
  }

  private static void onlyKnown(JsonObject body, Set<String> fields) {
    for (String name : body.fieldNames()) {
      if (!fields.contains(name)) {
        throw ScimException.invalidValue("unknown field " + name + "; accepted: " + fields);
      }
    }
  }
}
