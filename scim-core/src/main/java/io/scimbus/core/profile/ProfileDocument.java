package io.scimbus.core.profile;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.SchemaLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link TenantProfile}, as operators send it to the admin API and as presets are shipped:
 * <pre>{"name": "...", "description": "...",
 *  "users":  {"accepted": [...], "rejectOthers": false, "required": [...], "allowedValues": {path: [...]},
 *             "patterns": {path: regex}, "unique": [...]},
 *  "groups": {"enabled": true},
 *  "userExtensions": [ RFC 7643 schema documents ]}</pre>
 * Every path is checked against the schemas, so a profile that names nothing real is refused when it is set.
 */
public final class ProfileDocument {
  private ProfileDocument() {
  }

  public static TenantProfile parse(Map<String, Object> json) {
    List<Schema> extensions = new ArrayList<>();
    for (Object schema : list(json, "userExtensions")) {
      if (!(schema instanceof Map<?, ?> map) || !(map.get("id") instanceof String id) || !id.startsWith("urn:")) {
        throw ScimException.invalidValue("userExtensions entries must be schema documents with a urn id");
      }
      extensions.add(SchemaLoader.fromMap(cast(map)));
    }
    String name = json.get("name") instanceof String s && !s.isBlank() ? s : "custom";
    TenantProfile profile = new TenantProfile(name, (String) json.get("description"),
        rules(map(json, "users")), rules(map(json, "groups")), extensions);
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

  private static ResourceRules rules(Map<String, Object> json) {
    Map<String, List<String>> allowed = new LinkedHashMap<>();
    map(json, "allowedValues").forEach((path, values) -> allowed.put(path, strings(values, "allowedValues." + path)));
    Map<String, String> patterns = new LinkedHashMap<>();
    map(json, "patterns").forEach((path, regex) -> patterns.put(path, String.valueOf(regex)));
    return new ResourceRules(
        !Boolean.FALSE.equals(json.get("enabled")),
        strings(json.get("accepted"), "accepted"),
        Boolean.TRUE.equals(json.get("rejectOthers")),
        strings(json.get("required"), "required"),
        allowed,
        patterns,
        strings(json.get("unique"), "unique"));
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

  private static List<Object> list(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw ScimException.invalidValue(key + " must be a list");
    }
    return new ArrayList<>(list);
  }

  private static Map<String, Object> map(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue(key + " must be an object");
    }
    return cast(map);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
