package io.scimbus.policy.devices;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ControlCharacters;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** What an operator may send for a device: {@code name} and {@code serial} (required), assignedUserId, policyId. */
record DeviceInput(String name, String serial, String assignedUserId, UUID policyId) {
  static final int MAX_TEXT = 200;
  private static final Set<String> FIELDS = Set.of("name", "serial", "assignedUserId", "policyId");

  static DeviceInput create(JsonObject body) {
    known(body);
    return new DeviceInput(text(body.getValue("name"), "name", false), text(body.getValue("serial"), "serial", false),
        text(body.getValue("assignedUserId"), "assignedUserId", true), id(body.getValue("policyId")));
  }

  /** {@code current} with the fields the body names replaced; an explicit null unassigns or clears the policy. */
  static DeviceInput patch(Device current, JsonObject body) {
    known(body);
    return new DeviceInput(
        body.containsKey("name") ? text(body.getValue("name"), "name", false) : current.name(),
        body.containsKey("serial") ? text(body.getValue("serial"), "serial", false) : current.serial(),
        body.containsKey("assignedUserId") ? text(body.getValue("assignedUserId"), "assignedUserId", true)
            : current.assignedUserId(),
        body.containsKey("policyId") ? id(body.getValue("policyId")) : current.policyId());
  }

  static String text(Object value, String field, boolean optional) {
    if (value == null && optional) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
      throw ScimException.invalidValue(field + " must be a non-empty string of at most " + MAX_TEXT + " characters");
    }
    ControlCharacters.check(text, false, field);
    return text;
  }

  private static UUID id(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString((String) value);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw unknownPolicy(value);
    }
  }

  static ScimException unknownPolicy(Object id) {
    return ScimException.invalidValue("policyId " + id + " is no device policy of this tenant");
  }

  private static void known(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw ScimException.invalidValue("devices have no field " + field + "; fields: "
            + String.join(", ", new TreeSet<>(FIELDS)));
      }
    }
  }
}
