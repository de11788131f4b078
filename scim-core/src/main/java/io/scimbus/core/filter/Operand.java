package io.scimbus.core.filter;

import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An attribute path resolved for evaluation: its definition, the sub-attribute when the path names one, and where
 * the attribute lives relative to the map being tested (the resource, an extension object, or a multi-valued
 * element).
 *
 * @param label the path as the client wrote it, for error details
 * @param container from the tested map to the map holding {@code attribute}; may yield null when absent
 */
record Operand(String label, AttributeDefinition attribute, AttributeDefinition subAttribute,
    Function<Map<String, Object>, Object> container) {

  /** The definition whose values {@link #values} returns. */
  AttributeDefinition target() {
    return subAttribute != null ? subAttribute : attribute;
  }

  Operand withSubAttribute(AttributeDefinition sub) {
    return new Operand(label, attribute, sub, container);
  }

  /**
   * Every value the path designates, flattened: the elements of a multi-valued attribute, or the sub-attribute of
   * each element. Absent and null values contribute nothing.
   */
  List<Object> values(Map<String, Object> root) {
    if (!(container.apply(root) instanceof Map<?, ?> holder)) {
      return List.of();
    }
    List<Object> tops = FilterValues.elements(Values.get(holder, attribute.name()));
    if (subAttribute == null) {
      return tops;
    }
    List<Object> subs = new ArrayList<>();
    for (Object top : tops) {
      if (top instanceof Map<?, ?> element) {
        subs.addAll(FilterValues.elements(Values.get(element, subAttribute.name())));
      }
    }
    return subs;
  }
}
