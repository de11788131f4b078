package io.scimbus.core.resource;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Checks one simple (non-complex) value against its attribute's type and limits. Strict: a number is not a string
 * and a string is not a number, since a value the client did not mean (userName 123 stored as "123") is worse than
 * a 400 the client can fix. The one leniency is Entra's booleans as strings ({@link StringBooleans}).
 */
public final class ValueCoercer {
  private ValueCoercer() {
  }

  /** {@code path} names the attribute in error details; null stays null (unassigned). */
  public static Object coerce(AttributeDefinition definition, Object value, String path) {
    if (value == null) {
      return null;
    }
    return switch (definition.type()) {
      case BOOLEAN -> toBoolean(value, path);
      case INTEGER -> toInteger(value, path);
      case DECIMAL -> toDecimal(value, path);
      case COMPLEX -> throw ScimException.invalidValue(path + " is complex and needs an object value");
      default -> toText(definition, value, path);
    };
  }

  private static Boolean toBoolean(Object value, String path) {
    return StringBooleans.parse(value).orElseThrow(() -> invalid(path, value, "a boolean"));
  }

  private static Number toInteger(Object value, String path) {
    try {
      BigInteger integer = asDecimal(value, path, "an integer").toBigIntegerExact();
      return integer.bitLength() < 32 ? (Number) integer.intValue() : (Number) integer.longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(path, value, "an integer");
    }
  }

  private static Number toDecimal(Object value, String path) {
    asDecimal(value, path, "a decimal");
    return (Number) value;
  }

  private static BigDecimal asDecimal(Object value, String path, String expected) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw invalid(path, value, expected);
  }

  private static String toText(AttributeDefinition definition, Object value, String path) {
    if (!(value instanceof String text)) {
      throw invalid(path, value, "a string");
    }
    ValueLimits.checkText(definition, text, path);
    return text;
  }

  private static ScimException invalid(String path, Object value, String expected) {
    return ScimException.invalidValue(path + " must be " + expected + ", got " + describe(value));
  }

  // A string is quoted only when short: a detail must stay readable whatever the client sent.
  private static String describe(Object value) {
    if (value instanceof String s) {
      return s.length() <= 64 && !ControlCharacters.containsNul(s) ? "\"" + s + "\"" : "a string";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return value instanceof List ? "an array" : value instanceof Boolean ? "a boolean" : "the number " + value;
  }
}
