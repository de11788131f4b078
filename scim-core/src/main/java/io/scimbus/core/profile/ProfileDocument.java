package io.scimbus.core.profile;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of a {@link TenantProfile}, as operators send it to the admin API and as presets are shipped:
 * <pre>{"name": "...", "description": "...",
 *  "users":  {"accepted": [...], "rejectOthers": false, "required": [...], "allowedValues": {path: [...]},
 *             "patterns": {path: regex}, "unique": [...]},
 *  "groups": {"enabled": true},
 *  "userExtensions": [ RFC 7643 schema documents ]}</pre>
 * Every path is checked against the schemas, so a profile that names nothing real is refused when it is set. The
 * document is read strictly: an unknown field or a value of the wrong type is {@code invalidValue} naming the field,
 * so a typo is never stored as a profile that silently means something else.
 */
public final class ProfileDocument {
  private static final Set<String> FIELDS = Set.of("name", "description", "users", "groups", "userExtensions");
  private static final Set<String> RULE_FIELDS = Set.of("enabled", "accepted", "rejectOthers", "required",
      "allowedValues", "patterns", "unique");
  private static final Set<String> LIST_CHARACTERISTICS = Set.of("canonicalValues", "referenceTypes");
  private static final Set<String> BOOLEAN_CHARACTERISTICS = Set.of("multiValued", "required", "caseExact");
  private static final Set<String> TEXT_CHARACTERISTICS = Set.of("name", "type", "description", "mutability",
      "returned", "uniqueness");

  private ProfileDocument() {
  }

  public static TenantProfile parse(Map<String, Object> json) {
    knownFields(json, FIELDS, "");
    List<Schema> extensions = new ArrayList<>();
    List<Object> schemas = list(json, "userExtensions", "userExtensions");
    for (int i = 0; i < schemas.size(); i++) {
      extensions.add(extension(schemas.get(i), "userExtensions[" + i + "]"));
    }
    String name = text(json, "name", "name");
    TenantProfile profile = new TenantProfile(name == null || name.isBlank() ? "custom" : name,
        text(json, "description", "description"), rules(map(json, "users", "users"), "users."),
        rules(map(json, "groups", "groups"), "groups."), extensions);
    // Building the enforcers resolves every path: a typo fails now, not on the first provisioning request.
    new ProfileEnforcer(profile.userSchema(), profile.users());
    new ProfileEnforcer(profile.groupSchema(), profile.groups());
    return profile;
  }

  public static Map<String, Object> toMap(TenantProfile profile) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", profile.name());
    if (profile.description() != null) {
      json.put("description", profile.description());
    }
    json.put("users", rulesToMap(profile.users()));
    json.put("groups", rulesToMap(profile.groups()));
    List<Object> extensions = new ArrayList<>();
    profile.userExtensions().forEach(schema -> {
      Map<String, Object> doc = new LinkedHashMap<>(schema.toMap());
      doc.remove("meta");
      doc.remove("schemas");
      extensions.add(doc);
    });
    json.put("userExtensions", extensions);
    return json;
  }

  /** An RFC 7643 schema document; its shape is checked first, as the schema loader trusts what it reads. */
  private static Schema extension(Object value, String field) {
    if (!(value instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || !id.startsWith("urn:")) {
      throw ScimException.invalidValue(field + " must be a schema document with a urn id");
    }
    Map<String, Object> schema = cast(map);
    text(schema, "name", field + ".name");
    text(schema, "description", field + ".description");
    attributes(schema.get("attributes"), field + ".attributes");
    try {
      return SchemaLoader.fromMap(schema);
    } catch (IllegalArgumentException e) {
      throw ScimException.invalidValue(field + ": " + e.getMessage());
    }
  }

  private static void attributes(Object value, String field) {
    if (value == null) {
      return;
    }
    if (!(value instanceof List<?> attributes)) {
      throw ScimException.invalidValue(field + " must be a list");
    }
    for (int i = 0; i < attributes.size(); i++) {
      String where = field + "[" + i + "]";
      if (!(attributes.get(i) instanceof Map<?, ?> map)) {
        throw ScimException.invalidValue(where + " must be an attribute definition object");
      }
      Map<String, Object> attribute = cast(map);
      TEXT_CHARACTERISTICS.forEach(characteristic -> text(attribute, characteristic, where + "." + characteristic));
      if (!(attribute.get("name") instanceof String name) || name.isBlank()) {
        throw ScimException.invalidValue(where + ".name is required");
      }
      BOOLEAN_CHARACTERISTICS.forEach(characteristic ->
          bool(attribute, characteristic, where + "." + characteristic));
      LIST_CHARACTERISTICS.forEach(characteristic ->
          strings(attribute.get(characteristic), where + "." + characteristic));
      attributes(attribute.get("subAttributes"), where + ".subAttributes");
    }
  }

  private static ResourceRules rules(Map<String, Object> json, String prefix) {
    knownFields(json, RULE_FIELDS, prefix);
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    map(json, "allowedValues", prefix + "allowedValues").forEach((path, values) ->
        allowed.put(path, strings(values, prefix + "allowedValues." + path)));
    Map<String, String> patterns = new LinkedHashMap<>();
    map(json, "patterns", prefix + "patterns").forEach((path, regex) -> {
      if (!(regex instanceof String text)) {
        throw ScimException.invalidValue(prefix + "patterns." + path + " must be a regular expression string");
      }
      patterns.put(path, text);
    });
    Boolean enabled = bool(json, "enabled", prefix + "enabled");
    Boolean rejectOthers = bool(json, "rejectOthers", prefix + "rejectOthers");
    return new ResourceRules(
        !Boolean.FALSE.equals(enabled),
        strings(json.get("accepted"), prefix + "accepted"),
        Boolean.TRUE.equals(rejectOthers),
        strings(json.get("required"), prefix + "required"),
        allowed,
        patterns,
        strings(json.get("unique"), prefix + "unique"));
  }

  private static void knownFields(Map<String, Object> json, Set<String> known, String prefix) {
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw ScimException.invalidValue("profile field " + prefix + key + " is unknown; known fields: "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  private static String text(Map<String, Object> json, String key, String field) {
    Object value = json.get(key);
    if (value != null && !(value instanceof String)) {
      throw ScimException.invalidValue(field + " must be a string");
    }
    return (String) value;
  }

  private static Boolean bool(Map<String, Object> json, String key, String field) {
    Object value = json.get(key);
    if (value != null && !(value instanceof Boolean)) {
      throw ScimException.invalidValue(field + " must be true or false");
    }
    return (Boolean) value;
  }

  private static Map<String, Object> rulesToMap(ResourceRules rules) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("enabled", rules.enabled());
    json.put("accepted", new ArrayList<>(rules.accepted()));
    json.put("rejectOthers", rules.rejectOthers());
    json.put("required", new ArrayList<>(rules.required()));
    Map<String, Object> allowed = new LinkedHashMap<>();
    rules.allowedValues().forEach((path, values) -> allowed.put(path, new ArrayList<>(values)));
    json.put("allowedValues", allowed);
    json.put("patterns", new LinkedHashMap<>(rules.patterns()));
    json.put("unique", new ArrayList<>(rules.unique()));
    return json;
  }

  private static List<String> strings(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
      throw ScimException.invalidValue(field + " must be a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static List<Object> list(Map<String, Object> json, String key, String field) {
    Object value = json.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw ScimException.invalidValue(field + " must be a list");
    }
    return new ArrayList<>(list);
  }

  private static Map<String, Object> map(Map<String, Object> json, String key, String field) {
    Object value = json.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue(field + " must be an object");
    }
    return cast(map);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
