package io.scimbus.core.profile;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.FilterEvaluator;
import io.scimbus.core.filter.PatchPath;
import io.scimbus.core.filter.PathParser;
import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResolvedAttribute;
import io.scimbus.core.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A path of a profile rule resolved against the tenant's schemas: {@code userType}, {@code name.givenName},
 * {@code roles.value}, {@code emails[type eq "work"]}, {@code emails[type eq "work"].value} or a URN-qualified
 * extension attribute. Reads the values it designates from a canonical resource.
 */
record ProfilePath(String text, ResolvedAttribute resolved, Filter elementFilter, FilterEvaluator evaluator) {

  static ProfilePath parse(String text, ResourceSchema schema) {
    PatchPath path;
    try {
      path = PathParser.parse(text, schema);
    } catch (ScimException e) {
      throw ScimException.invalidValue("profile path \"" + text + "\" is not valid: " + e.detail());
    }
    if (path.isSchemaOnly()) {
      throw ScimException.invalidValue("profile path \"" + text + "\" must name an attribute, not a schema");
    }
    AttributePath attribute = path.attribute();
    if (path.subAttribute() != null) {
      attribute = new AttributePath(attribute.schemaUrn(), attribute.attribute(), path.subAttribute());
    }
    ResolvedAttribute resolved = schema.resolve(attribute).orElseThrow(() ->
        ScimException.invalidValue("profile path \"" + text + "\" names no attribute of " + schema.name()));
    return new ProfilePath(text, resolved, path.valueFilter(), new FilterEvaluator(schema));
  }

  AttributeDefinition attribute() {
    return resolved.attribute();
  }

  /** The object holding the top-level attribute: the resource itself, or its extension object. */
  @SuppressWarnings("unchecked")
  Map<String, Object> container(Map<String, Object> resource, ResourceSchema schema) {
    if (!resolved.inExtension(schema)) {
      return resource;
    }
    Object extension = Values.get(resource, resolved.schema().id());
    return extension instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** Elements of the attribute's value that this path's element filter keeps (all without a filter). */
  List<Object> elements(Object value) {
    List<Object> elements = new ArrayList<>();
    for (Object element : value instanceof List<?> list ? list : List.of(value)) {
      if (elementFilter == null || element instanceof Map<?, ?> map && evaluator.matchesElement(elementFilter,
          cast(map), resolved.attribute())) {
        elements.add(element);
      }
    }
    return elements;
  }

  /** Every non-null leaf value the path designates in {@code resource}. */
  List<Object> values(Map<String, Object> resource, ResourceSchema schema) {
    List<Object> values = new ArrayList<>();
    Map<String, Object> container = container(resource, schema);
    Object top = container == null ? null : Values.get(container, resolved.attribute().name());
    if (top == null) {
      return values;
    }
    for (Object element : elements(top)) {
      Object leaf = resolved.subAttribute() == null ? element
          : element instanceof Map<?, ?> map ? Values.get(map, resolved.subAttribute().name()) : null;
      if (leaf instanceof List<?> list) {
        list.stream().filter(v -> v != null).forEach(values::add);
      } else if (leaf != null && !"".equals(leaf)) {
        values.add(leaf);
      }
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
