package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Predicates over jsonb objects. Walks attribute steps from a container object; a multi-valued step matches when
 * any of its elements does. Hands out element aliases ({@code e1}, {@code e2}...) unique within one statement.
 */
final class JsonPredicates {
  private int aliases;

  /**
   * {@code condition} on the value that {@code steps} reach from {@code container}; {@code name} is the path as
   * the client wrote it, for errors.
   */
  String test(String container, List<AttributeDefinition> steps, Condition condition, String name) {
    AttributeDefinition step = steps.get(0);
    Operand value = Operand.member(container, step);
    if (steps.size() > 1) {
      List<AttributeDefinition> rest = steps.subList(1, steps.size());
      return step.multiValued()
          ? anyElement(value.json(), element -> test(element, rest, condition, name))
          : test(value.json(), rest, condition, name);
    }
    if (condition.isPresence()) {
      return value.present();
    }
    if (!step.multiValued()) {
      if (step.type() == AttributeType.COMPLEX) {
        throw complexCompared(name);
      }
      return condition.on(value);
    }
    return anyElement(value.json(), element -> condition.on(elementValue(element, step, name)));
  }

  /** True when {@code predicate} holds for an element of the jsonb array {@code array}; not an array → none. */
  String anyElement(String array, Function<String, String> predicate) {
    String alias = "e" + ++aliases;
    return "EXISTS (SELECT 1 FROM " + elements(array) + " " + alias + " WHERE " + predicate.apply(alias) + ")";
  }

  /** The elements of {@code array} as rows; a value that is not an array has none, rather than failing. */
  static String elements(String array) {
    return "jsonb_array_elements(CASE WHEN jsonb_typeof(" + array + ") = 'array' THEN " + array
        + " ELSE '[]'::jsonb END)";
  }

  /** What a comparison reads from one element: the element itself, or the {@code value} of a complex one. */
  private static Operand elementValue(String element, AttributeDefinition attribute, String name) {
    if (attribute.type() != AttributeType.COMPLEX) {
      return Operand.element(element, attribute);
    }
    return Operand.member(element, valueOf(attribute).orElseThrow(() -> complexCompared(name)));
  }

  /** The {@code value} sub-attribute that stands for a multi-valued complex attribute in comparisons. */
  static Optional<AttributeDefinition> valueOf(AttributeDefinition attribute) {
    return attribute.multiValued() ? attribute.subAttribute("value") : Optional.empty();
  }

  static ScimException complexCompared(String name) {
    return ScimException.invalidFilter(name + " is complex; compare one of its sub-attributes");
  }
}
