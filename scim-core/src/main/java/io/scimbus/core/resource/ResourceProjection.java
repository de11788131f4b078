package io.scimbus.core.resource;

import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResolvedAttribute;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Returned;
import io.scimbus.core.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code attributes} / {@code excludedAttributes} (RFC 7644 §3.4.2.5) and the {@code returned}
 * characteristic to a canonical resource: {@code always} survives exclusion, {@code never} is never shown,
 * {@code request} only when named. When both lists are given, {@code attributes} wins, as it is the narrower ask.
 * Names that resolve to no attribute are ignored: they cannot select anything.
 */
public final class ResourceProjection {
  private final ResourceSchema schema;

  public ResourceProjection(ResourceSchema schema) {
    this.schema = schema;
  }

  /** A new map; either list may be null or blank. */
  public Map<String, Object> project(Map<String, Object> resource, String attributes, String excludedAttributes) {
    boolean inclusive = attributes != null && !attributes.isBlank();
    Selection selection = new Selection(inclusive ? attributes : excludedAttributes);
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : resource.entrySet()) {
      String key = entry.getKey();
      if ("schemas".equals(key)) {
        result.put(key, Values.deepCopy(entry.getValue()));
        continue;
      }
      Optional<Schema> extension = schema.extension(key);
      if (extension.isPresent() && entry.getValue() instanceof Map<?, ?> body) {
        Map<String, Object> projected = new LinkedHashMap<>();
        for (Map.Entry<?, ?> inner : body.entrySet()) {
          resolve(extension.get().id(), String.valueOf(inner.getKey())).ifPresent(attribute ->
              project(attribute, inner.getValue(), selection, inclusive, projected));
        }
        if (!projected.isEmpty()) {
          result.put(extension.get().id(), projected);
        }
        continue;
      }
      resolve(null, key).ifPresent(attribute -> project(attribute, entry.getValue(), selection, inclusive, result));
    }
    return result;
  }

  private void project(ResolvedAttribute attribute, Object value, Selection selection, boolean inclusive,
      Map<String, Object> out) {
    AttributeDefinition definition = attribute.attribute();
    String qualified = attribute.schema().id() + ":" + definition.name();
    boolean named = selection.names(qualified) || selection.namesUrn(attribute.schema().id());
    Object projected = switch (definition.returned()) {
      case NEVER -> null;
      case ALWAYS -> Values.deepCopy(value);
      case REQUEST -> inclusive && named ? subProjection(definition, qualified, value, selection, true) : null;
      default -> {
        if (inclusive) {
          yield named ? Values.deepCopy(value) : selection.namesSubOf(qualified)
              ? subProjection(definition, qualified, value, selection, true) : null;
        }
        yield named ? null : subProjection(definition, qualified, value, selection, false);
      }
    };
    if (projected != null) {
      out.put(definition.name(), projected);
    }
  }

  /** Keeps the sub-attributes selected (inclusive) or not excluded; whole values when the list names none. */
  private Object subProjection(AttributeDefinition definition, String qualified, Object value, Selection selection,
      boolean inclusive) {
    if (definition.subAttributes().isEmpty()) {
      return Values.deepCopy(value);
    }
    if (inclusive && !selection.namesSubOf(qualified)) {
      return stripNever(definition, value);
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>();
      for (Object element : list) {
        Object projected = subProjection(definition, qualified, element, selection, inclusive);
        if (projected != null) {
          elements.add(projected);
        }
      }
      return elements.isEmpty() ? null : elements;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return Values.deepCopy(value);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Optional<AttributeDefinition> sub = definition.subAttribute(String.valueOf(entry.getKey()));
      if (sub.isEmpty() || sub.get().returned() == Returned.NEVER) {
        continue;
      }
      boolean named = selection.names(qualified + "." + sub.get().name());
      boolean keep = sub.get().returned() == Returned.ALWAYS || (inclusive ? named : !named);
      if (keep) {
        result.put(sub.get().name(), Values.deepCopy(entry.getValue()));
      }
    }
    return result.isEmpty() ? null : result;
  }

  private Object stripNever(AttributeDefinition definition, Object value) {
    return subProjection(definition, "", value, new Selection(null), false);
  }

  private Optional<ResolvedAttribute> resolve(String urn, String name) {
    return schema.resolve(new AttributePath(urn, name, null));
  }

  /** The comma-separated list as lower-cased fully qualified names ({@code urn:attr[.sub]}) and bare URNs. */
  private final class Selection {
    private final Set<String> names = new HashSet<>();

    Selection(String list) {
      if (list == null) {
        return;
      }
      for (String raw : list.split(",")) {
        String name = raw.trim();
        if (!name.isEmpty()) {
          names.add(qualify(name).toLowerCase(Locale.ROOT));
        }
      }
    }

    boolean names(String qualified) {
      return names.contains(qualified.toLowerCase(Locale.ROOT));
    }

    boolean namesUrn(String urn) {
      return names.contains(urn.toLowerCase(Locale.ROOT));
    }

    boolean namesSubOf(String qualified) {
      String prefix = qualified.toLowerCase(Locale.ROOT) + ".";
      return names.stream().anyMatch(n -> n.startsWith(prefix));
    }

    // Unqualified names belong to the core schema (or to common for meta), RFC 7644 §3.10.
    private String qualify(String name) {
      if (schema.schema(name).isPresent()) {
        return schema.schema(name).get().id();
      }
      String urn = null;
      String local = name;
      if (name.regionMatches(true, 0, "urn:", 0, 4)) {
        int colon = name.lastIndexOf(':');
        urn = name.substring(0, colon);
        local = name.substring(colon + 1);
      }
      int dot = local.indexOf('.');
      String attribute = dot < 0 ? local : local.substring(0, dot);
      String sub = dot < 0 ? null : local.substring(dot + 1);
      if (attribute.isEmpty()) {
        return name;
      }
      Optional<ResolvedAttribute> resolved = schema.resolve(new AttributePath(urn, attribute, sub));
      return resolved.map(r -> r.schema().id() + ":" + r.attribute().name()
          + (r.subAttribute() == null ? "" : "." + r.subAttribute().name())).orElse(name);
    }
  }
}
