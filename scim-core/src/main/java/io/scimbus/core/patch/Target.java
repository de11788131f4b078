package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.ResolvedAttribute;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PATCH path resolved against the resource type: canonical definitions, the value filter and where the
 * attribute lives ({@code extensionUrn} null for core and common attributes).
 */
record Target(String path, AttributeDefinition attribute, Filter filter, AttributeDefinition sub,
    String extensionUrn) {

  static Optional<Target> resolve(PatchPath parsed, String text, ResourceSchema schema) {
    Optional<ResolvedAttribute> resolved = schema.resolve(parsed.attributePath());
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    AttributeDefinition attribute = resolved.get().attribute();
    if (parsed.filter() != null) {
      if (!attribute.multiValued() || attribute.type() != AttributeType.COMPLEX) {
        throw ScimException.invalidPath(attribute.name() + " is not multi-valued complex; no filter applies: "
            + text);
      }
      checkFilterNames(parsed.filter(), attribute, text);
    }
    Schema owner = resolved.get().schema();
    boolean extension = schema.extensions().stream().anyMatch(e -> e.id().equals(owner.id()));
    return Optional.of(new Target(text, attribute, parsed.filter(), resolved.get().subAttribute(),
        extension ? owner.id() : null));
  }

  /** The map holding the attribute: the resource itself or its extension object, created on demand. */
  @SuppressWarnings("unchecked")
  Map<String, Object> container(Map<String, Object> resource, boolean create) {
    if (extensionUrn == null) {
      return resource;
    }
    Object existing = resource.get(extensionUrn);
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    if (!create) {
      return null;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    resource.put(extensionUrn, created);
    return created;
  }

  /** The elements of the multi-valued attribute, as a list stored in {@code container} when {@code create}. */
  @SuppressWarnings("unchecked")
  List<Object> elements(Map<String, Object> container, boolean create) {
    Object existing = container.get(attribute.name());
    if (existing instanceof List<?> list) {
      return (List<Object>) list;
    }
    List<Object> created = new ArrayList<>();
    if (create) {
      container.put(attribute.name(), created);
    }
    return created;
  }

  /** The elements matching the value filter, in order. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> matching(List<Object> elements) {
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Object element : elements) {
      if (element instanceof Map<?, ?> map && ElementFilter.matches(filter, attribute, (Map<String, Object>) map,
          path)) {
        matches.add((Map<String, Object>) map);
      }
    }
    return matches;
  }

  /** Drops the attribute when an operation left it empty: an empty value is an unassigned one. */
  void pruneEmpty(Map<String, Object> container) {
    Object value = container.get(attribute.name());
    if (value instanceof List<?> list && list.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty()) {
      container.remove(attribute.name());
    }
  }

  private static void checkFilterNames(Filter filter, AttributeDefinition attribute, String text) {
    if (filter instanceof Filter.And and) {
      checkFilterNames(and.left(), attribute, text);
      checkFilterNames(and.right(), attribute, text);
    } else if (filter instanceof Filter.Comparison comparison
        && attribute.subAttribute(comparison.path().attribute()).isEmpty()) {
      throw ScimException.invalidPath(attribute.name() + " has no sub-attribute "
          + comparison.path().attribute() + ": " + text);
    }
  }
}
