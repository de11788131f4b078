package io.scimbus.core.resource;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Coerces one simple (non-complex) value to its attribute's type. Lenient where real IdPs are sloppy (booleans and
 * numbers sent as strings), strict where a value cannot mean what the schema says.
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
      default -> toText(value, path);
    };
  }

  private static Boolean toBoolean(Object value, String path) {
    return StringBooleans.parse(value).orElseThrow(() -> invalid(path, value, "a boolean"));
  }

  private static Number toInteger(Object value, String path) {
    try {
      BigDecimal decimal = value instanceof String s ? new BigDecimal(s.trim()) : asDecimal(value, path);
      BigInteger integer = decimal.toBigIntegerExact();
      return integer.bitLength() < 32 ? (Number) integer.intValue() : (Number) integer.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(path, value, "an integer");
    }
  }

  private static Number toDecimal(Object value, String path) {
    if (value instanceof Number n) {
      return n;
    }
    try {
      return value instanceof String s ? new BigDecimal(s.trim()) : asDecimal(value, path);
    } catch (NumberFormatException e) {
      throw invalid(path, value, "a decimal");
    }
  }

  private static BigDecimal asDecimal(Object value, String path) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw invalid(path, value, "a number");
  }

  // Numbers and booleans for string attributes are unambiguous (Entra sends employeeNumber as a JSON number).
  private static String toText(Object value, String path) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw invalid(path, value, "a string");
  }

  private static ScimException invalid(String path, Object value, String expected) {
    return ScimException.invalidValue(path + " must be " + expected + ", got " + describe(value));
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return value instanceof List ? "an array" : String.valueOf(value);
  }
}
