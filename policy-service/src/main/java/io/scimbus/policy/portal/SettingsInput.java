package io.scimbus.policy.portal;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reading a portal settings document: every field optional, every option spelt exactly, no unknown field. */
public final class SettingsInput {
  /** The default of every behaviour. */
  public static final String NOTHING = "nothing";

  private SettingsInput() {
  }

  /** Refuses a field the portal does not define, so a misspelt behaviour is never silently {@value #NOTHING}. */
  public static void knownFields(String portal, JsonObject body, Set<String> known) {
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) {
        throw ScimException.invalidValue(portal + " settings have no field " + field + "; fields: "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  /** The chosen option of {@code field}, the first of {@code options} when absent; 400 for any other value. */
  public static String option(JsonObject body, String field, List<String> options) {
    Object value = body.getValue(field);
    if (value == null) {
      return options.get(0);
    }
    if (!options.contains(value)) {
      throw ScimException.invalidValue(field + " must be one of " + String.join(", ", options) + ", got " + value);
    }
    return (String) value;
  }
}
