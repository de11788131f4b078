package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.StringBooleans;
import io.scimbus.core.schema.AttributeDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Builds the test of one stored value against a non-null filter literal, by attribute type. Everything that can be
 * wrong with the literal or operator is rejected here, before any resource is seen; a stored value of an
 * unexpected JSON type simply does not match.
 */
final class ValueMatchers {

  private ValueMatchers() {
  }

  /** {@code operator} is never {@code ne}: the compiler evaluates {@code ne} as {@code not eq}. */
  static Predicate<Object> create(Operand operand, ComparisonOperator operator, Object literal) {
    AttributeDefinition definition = operand.target();
    String label = operand.label();
    return switch (definition.type()) {
      case STRING, REFERENCE, BINARY -> text(definition.caseExact(), operator, literal, label);
      case BOOLEAN -> bool(operator, literal, label);
      case DATE_TIME -> dateTime(operator, literal, label);
      case INTEGER, DECIMAL -> number(operator, literal, label, definition.type().wireName());
      case COMPLEX -> throw ScimException.invalidFilter("\"" + label + "\" is a complex attribute and cannot be "
          + "compared directly; compare one of its sub-attributes, e.g. \"" + label + "."
          + definition.subAttributes().get(0).name() + "\"");
    };
  }

  private static Predicate<Object> text(boolean caseExact, ComparisonOperator operator, Object literal,
      String label) {
    if (!(literal instanceof String string)) {
      throw ScimException.invalidFilter("\"" + label + "\" is a string attribute; compare it with a string in "
          + "double quotes, not " + FilterValues.render(literal));
    }
    String expected = caseExact ? string : string.toLowerCase(Locale.ROOT);
    Predicate<String> test = switch (operator) {
      case CO -> actual -> actual.contains(expected);
      case SW -> actual -> actual.startsWith(expected);
      case EW -> actual -> actual.endsWith(expected);
      default -> {
        IntPredicate ordering = ordering(operator);
        yield actual -> ordering.test(actual.compareTo(expected));
      }
    };
    return value -> value instanceof String actual
        && test.test(caseExact ? actual : actual.toLowerCase(Locale.ROOT));
  }

  private static Predicate<Object> bool(ComparisonOperator operator, Object literal, String label) {
    if (operator != ComparisonOperator.EQ) {
      throw ScimException.invalidFilter("\"" + label + "\" is a boolean attribute; only eq and ne apply to it, not \""
          + operator.token() + "\"");
    }
    Boolean expected = StringBooleans.parse(literal).orElseThrow(() -> ScimException.invalidFilter("\"" + label
        + "\" is a boolean attribute; compare it with true or false, not " + FilterValues.render(literal)));
    return value -> StringBooleans.parse(value).filter(expected::equals).isPresent();
  }

  private static Predicate<Object> dateTime(ComparisonOperator operator, Object literal, String label) {
    rejectSubstringOperator(operator, label, "dateTime");
    Instant expected = FilterValues.toInstant(literal);
    if (expected == null) {
      throw ScimException.invalidFilter("\"" + label + "\" is a dateTime attribute; compare it with an ISO-8601 "
          + "date-time string with an offset, such as \"2024-01-31T12:00:00Z\", not " + FilterValues.render(literal));
    }
    IntPredicate ordering = ordering(operator);
    return value -> {
      Instant actual = FilterValues.toInstant(value);
      return actual != null && ordering.test(actual.compareTo(expected));
    };
  }

  private static Predicate<Object> number(ComparisonOperator operator, Object literal, String label, String type) {
    rejectSubstringOperator(operator, label, type);
    BigDecimal expected = FilterValues.toDecimal(literal);
    if (expected == null) {
      throw ScimException.invalidFilter("\"" + label + "\" is " + (type.equals("integer") ? "an " : "a ") + type
          + " attribute; compare it with a number, not " + FilterValues.render(literal));
    }
    IntPredicate ordering = ordering(operator);
    return value -> {
      BigDecimal actual = FilterValues.toDecimal(value);
      return actual != null && ordering.test(actual.compareTo(expected));
    };
  }

  private static void rejectSubstringOperator(ComparisonOperator operator, String label, String type) {
    if (operator == ComparisonOperator.CO || operator == ComparisonOperator.SW || operator == ComparisonOperator.EW) {
      throw ScimException.invalidFilter("\"" + operator.token() + "\" does not apply to " + type + " attribute \""
          + label + "\"; use eq, ne, gt, ge, lt or le");
    }
  }

  /** The test of a compareTo result for eq and the ordering operators. */
  private static IntPredicate ordering(ComparisonOperator operator) {
    return switch (operator) {
      case EQ -> c -> c == 0;
      case GT -> c -> c > 0;
      case GE -> c -> c >= 0;
      case LT -> c -> c < 0;
      case LE -> c -> c <= 0;
      case NE, CO, SW, EW -> throw new IllegalArgumentException(operator + " is not an ordering");
    };
  }
}
