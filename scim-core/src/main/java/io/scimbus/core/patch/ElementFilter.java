package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.resource.ValueCoercer;
import io.scimbus.core.schema.AttributeDefinition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates the value filters {@link PatchPaths} can produce against one element of a multi-valued attribute,
 * and builds the element such a filter describes. Filter literals are coerced to the sub-attribute's type, so
 * Entra's {@code roles[primary eq "True"]} matches {@code "primary": true}.
 */
final class ElementFilter {
  private ElementFilter() {
  }

  static boolean matches(Filter filter, AttributeDefinition attribute, Map<String, Object> element, String path) {
    if (filter instanceof Filter.And and) {
      return matches(and.left(), attribute, element, path) && matches(and.right(), attribute, element, path);
    }
    Filter.Comparison comparison = comparison(filter, path);
    AttributeDefinition sub = sub(attribute, comparison);
    Object expected = ValueCoercer.coerce(sub, comparison.value(), path);
    Object actual = element.get(sub.name());
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof String a && expected instanceof String e) {
      return sub.caseExact() ? a.equals(e) : a.equalsIgnoreCase(e);
    }
    if (actual instanceof Number a && expected instanceof Number e) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString())) == 0;
    }
    return actual.equals(expected);
  }

  /** The sub-attribute values the filter pins down: the element to create when none matches. */
  static Map<String, Object> seed(Filter filter, AttributeDefinition attribute, String path) {
    Map<String, Object> seed = new LinkedHashMap<>();
    addSeed(filter, attribute, path, seed);
    return seed;
  }

  private static void addSeed(Filter filter, AttributeDefinition attribute, String path, Map<String, Object> seed) {
    if (filter instanceof Filter.And and) {
      addSeed(and.left(), attribute, path, seed);
      addSeed(and.right(), attribute, path, seed);
      return;
    }
    Filter.Comparison comparison = comparison(filter, path);
    AttributeDefinition sub = sub(attribute, comparison);
    seed.put(sub.name(), ValueCoercer.coerce(sub, comparison.value(), path));
  }

  private static Filter.Comparison comparison(Filter filter, String path) {
    if (filter instanceof Filter.Comparison comparison) {
      return comparison;
    }
    throw ScimException.invalidFilter("unsupported value filter in path " + path);
  }

  private static AttributeDefinition sub(AttributeDefinition attribute, Filter.Comparison comparison) {
    return attribute.subAttribute(comparison.path().attribute()).orElseThrow();
  }
}
