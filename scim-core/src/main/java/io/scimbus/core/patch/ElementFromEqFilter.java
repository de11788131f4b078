package io.scimbus.core.patch;

import io.scimbus.core.filter.ComparisonOperator;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.resource.ValueCoercer;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the element a value filter describes, for an add or replace whose filter matches no element. Only
 * {@code eq} comparisons joined by {@code and} describe an element ({@code emails[type eq "work"]} is
 * {@code {"type": "work"}}); literals are coerced to the sub-attribute's type, so Entra's
 * {@code roles[primary eq "True"]} builds {@code {"primary": true}}. {@code eq null} asks for an absent value and
 * adds nothing.
 */
final class ElementFromEqFilter {
  private ElementFromEqFilter() {
  }

  /** The element, or empty when the filter is not made only of {@code eq} comparisons joined by {@code and}. */
  static Optional<Map<String, Object>> build(Filter filter, AttributeDefinition attribute, String path) {
    Map<String, Object> element = new LinkedHashMap<>();
    return collect(filter, attribute, path, element) ? Optional.of(element) : Optional.empty();
  }

  private static boolean collect(Filter filter, AttributeDefinition attribute, String path,
      Map<String, Object> element) {
    if (filter instanceof Filter.And and) {
      return collect(and.left(), attribute, path, element) && collect(and.right(), attribute, path, element);
    }
    if (!(filter instanceof Filter.Comparison comparison) || comparison.operator() != ComparisonOperator.EQ) {
      return false;
    }
    if (comparison.value() != null) {
      AttributeDefinition sub = attribute.subAttribute(comparison.path().attribute()).orElseThrow();
      element.put(sub.name(), ValueCoercer.coerce(sub, comparison.value(), path));
    }
    return true;
  }
}
