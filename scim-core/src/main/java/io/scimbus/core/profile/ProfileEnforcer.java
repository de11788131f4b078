package io.scimbus.core.profile;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ValueLimits;
import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a tenant's {@link ResourceRules} to a canonical resource (the output of the normaliser): keeps what the
 * profile accepts, then checks required attributes and allowed values. Runs in the owning service on every write,
 * so no client can get around it by talking to another gateway.
 */
public final class ProfileEnforcer {
  private final ResourceSchema schema;
  private final ResourceRules rules;
  private final Map<String, List<ProfilePath>> acceptedByAttribute = new HashMap<>();
  private final List<ProfilePath> required = new ArrayList<>();
  private final Map<ProfilePath, List<String>> allowed = new LinkedHashMap<>();
  private final Map<ProfilePath, Pattern> patterns = new LinkedHashMap<>();
  private final List<ProfilePath> unique = new ArrayList<>();

  public ProfileEnforcer(ResourceSchema schema, ResourceRules rules) {
    this.schema = schema;
    this.rules = rules;
    for (String path : rules.accepted()) {
      ProfilePath accepted = ProfilePath.parse(path, schema);
      acceptedByAttribute.computeIfAbsent(key(accepted.resolved().schema().id(), accepted.attribute().name()),
          k -> new ArrayList<>()).add(accepted);
    }
    rules.required().forEach(path -> required.add(ProfilePath.parse(path, schema)));
    rules.allowedValues().forEach((path, values) -> allowed.put(ProfilePath.parse(path, schema), List.copyOf(values)));
    rules.patterns().forEach((path, regex) -> patterns.put(ProfilePath.parse(path, schema), compile(path, regex)));
    rules.unique().forEach(path -> unique.add(ProfilePath.parse(path, schema)));
  }

  private static Pattern compile(String path, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw ScimException.invalidValue("pattern for " + path + " is not a valid regular expression: "
          + e.getDescription());
    }
  }

  /** The resource as this tenant keeps it; fails with invalidValue naming the first violated rule. */
  public Map<String, Object> apply(Map<String, Object> canonical) {
    Map<String, Object> kept = rules.accepted().isEmpty() ? canonical : keepAccepted(canonical);
    for (ProfilePath path : required) {
      if (path.values(kept, schema).isEmpty()) {
        throw ScimException.invalidValue(path.text() + " is required by this tenant's profile");
      }
    }
    allowed.forEach((path, values) -> {
      for (Object value : path.values(kept, schema)) {
        if (!values.contains(String.valueOf(value))) {
          throw ScimException.invalidValue(path.text() + " value \"" + value + "\" is not allowed; allowed: "
              + String.join(", ", values));
        }
      }
    });
    patterns.forEach((path, pattern) -> {
      for (Object value : path.values(kept, schema)) {
        if (!pattern.matcher(String.valueOf(value)).matches()) {
          throw ScimException.invalidValue(path.text() + " value \"" + value + "\" does not have the form this"
              + " tenant requires (" + pattern.pattern() + ")");
        }
      }
    });
    // Unique values are keys of a btree index, which holds identifiers only.
    for (ProfilePath path : unique) {
      for (Object value : path.values(kept, schema)) {
        ValueLimits.checkLength(String.valueOf(value), ValueLimits.IDENTIFIER_MAX_BYTES, path.text());
      }
    }
    return kept;
  }

  /** The values of each unique path, lower-cased, that must not repeat within the tenant. */
  public Map<String, Set<String>> uniqueValues(Map<String, Object> resource) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (ProfilePath path : unique) {
      Set<String> normalized = new LinkedHashSet<>();
      path.values(resource, schema).forEach(v -> normalized.add(String.valueOf(v).toLowerCase(Locale.ROOT)));
      values.put(path.text(), normalized);
    }
    return values;
  }

  private Map<String, Object> keepAccepted(Map<String, Object> canonical) {
    Map<String, Object> kept = new LinkedHashMap<>();
    List<Object> schemas = new ArrayList<>();
    for (Map.Entry<String, Object> entry : canonical.entrySet()) {
      String name = entry.getKey();
      if ("schemas".equals(name)) {
        kept.put(name, schemas);
      } else if (schema.extension(name).isPresent()) {
        Schema extension = schema.extension(name).get();
        Map<String, Object> attributes = keepAttributes(extension.id(), cast(entry.getValue()));
        if (!attributes.isEmpty()) {
          kept.put(extension.id(), attributes);
        }
      } else {
        keepAttribute(schema.core().id(), name, entry.getValue(), kept);
      }
    }
    schemas.add(schema.core().id());
    kept.keySet().stream().filter(k -> schema.extension(k).isPresent()).forEach(schemas::add);
    return kept;
  }

  private Map<String, Object> keepAttributes(String schemaId, Map<String, Object> attributes) {
    Map<String, Object> kept = new LinkedHashMap<>();
    attributes.forEach((name, value) -> keepAttribute(schemaId, name, value, kept));
    return kept;
  }

  private void keepAttribute(String schemaId, String name, Object value, Map<String, Object> into) {
    List<ProfilePath> paths = acceptedByAttribute.get(key(schemaId, name));
    if (paths == null) {
      // id and externalId are how IdPs match accounts; no profile can refuse them.
      if (schemaId.equals(schema.core().id()) && ("externalId".equals(name) || "id".equals(name))) {
        into.put(name, value);
      } else if (rules.rejectOthers()) {
        throw ScimException.invalidValue(name + " is not accepted by this tenant's profile");
      }
      return;
    }
    Object kept = narrow(paths, value);
    if (kept != null) {
      into.put(name, kept);
    }
  }

  /** The part of an attribute's value that at least one accepted path covers. */
  private static Object narrow(List<ProfilePath> paths, Object value) {
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>();
      for (Object element : list) {
        Object kept = narrowElement(paths, element);
        if (kept != null) {
          elements.add(kept);
        }
      }
      return elements.isEmpty() ? null : elements;
    }
    return narrowElement(paths, value);
  }

  private static Object narrowElement(List<ProfilePath> paths, Object element) {
    Map<String, Object> subs = new LinkedHashMap<>();
    boolean whole = false;
    for (ProfilePath path : paths) {
      if (path.elements(element).isEmpty()) {
        continue;
      }
      if (path.resolved().subAttribute() == null) {
        whole = true;
      } else if (element instanceof Map<?, ?> map) {
        String sub = path.resolved().subAttribute().name();
        Object subValue = Values.get(map, sub);
        if (subValue != null) {
          subs.put(sub, subValue);
        }
      }
    }
    if (whole) {
      return element;
    }
    return subs.isEmpty() ? null : subs;
  }

  private static String key(String schemaId, String attribute) {
    return schemaId.toLowerCase(Locale.ROOT) + "|" + attribute.toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }
}
