package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.FilterEvaluator;
import io.scimbus.core.filter.PatchPath;
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
import java.util.function.Predicate;

/**
 * A PATCH path resolved against the resource type: canonical definitions, the value filter with its
 * {@code selector} (null without a filter), and where the attribute lives ({@code extensionUrn} null for core and
 * common attributes).
 */
record Target(String path, AttributeDefinition attribute, Filter filter, Predicate<Map<String, Object>> selector,
    AttributeDefinition sub, String extensionUrn) {

  static Optional<Target> resolve(PatchPath parsed, String text, ResourceSchema schema, FilterEvaluator evaluator) {
    AttributePath written = parsed.attribute();
    AttributePath designated = parsed.subAttribute() == null ? written
        : new AttributePath(written.schemaUrn(), written.attribute(), parsed.subAttribute());
    Optional<ResolvedAttribute> resolved = schema.resolve(designated);
    if (resolved.isEmpty()) {
      return Optional.empty();
    }
    AttributeDefinition attribute = resolved.get().attribute();
    Filter filter = parsed.valueFilter();
    Predicate<Map<String, Object>> selector = null;
    if (filter != null) {
      if (!attribute.multiValued() || attribute.type() != AttributeType.COMPLEX) {
        throw ScimException.invalidPath(attribute.name() + " is not multi-valued complex; no filter applies: "
            + text);
      }
      checkValueFilter(evaluator, written, filter, text);
      selector = element -> evaluator.matchesElement(filter, element, attribute);
    }
    Schema owner = resolved.get().schema();
    return Optional.of(new Target(text, attribute, filter, selector, resolved.get().subAttribute(),
        schema.isExtension(owner) ? owner.id() : null));
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
      if (element instanceof Map<?, ?> map && selector.test((Map<String, Object>) map)) {
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

  // Checked before any element is looked at, so a bad filter fails even when the attribute is empty. The same
  // mistake is invalidFilter in a filter and invalidPath in a PATCH path, as PathParser reports it.
  private static void checkValueFilter(FilterEvaluator evaluator, AttributePath attribute, Filter filter,
      String text) {
    try {
      evaluator.validate(new Filter.ValuePath(attribute, filter));
    } catch (ScimException e) {
      if (!ScimType.INVALID_FILTER.equals(e.scimType())) {
        throw e;
      }
      throw ScimException.invalidPath(e.detail() + " (in path " + text + ")");
    }
  }
}
