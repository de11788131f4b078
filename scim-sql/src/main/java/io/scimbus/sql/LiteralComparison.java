package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.ComparisonOperator;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code attr op literal} for a non-null literal, with the type rules of RFC 7644 §3.4.2.2. */
final class LiteralComparison implements Condition {
  /** PostgreSQL numeric limits: digits before and after the decimal point. */
  private static final int MAX_INTEGER_DIGITS = 131072;
  private static final int MAX_FRACTION_DIGITS = 16383;

  private final String attribute;
  private final ComparisonOperator operator;
  private final Object literal;
  private final Parameters parameters;

  LiteralComparison(String attribute, ComparisonOperator operator, Object literal, Parameters parameters) {
    this.attribute = attribute;
    this.operator = operator;
    this.literal = literal;
    this.parameters = parameters;
  }

  @Override
  public boolean isPresence() {
    return false;
  }

  @Override
  public String on(Operand operand) {
    if (operator == ComparisonOperator.NE) {
      // PredicateCompiler negates eq around the whole path instead: per value, ne would be wrong for multi-valued.
      throw new IllegalArgumentException("ne is compiled as not eq");
    }
    return test(operand, operator);
  }

  private String test(Operand operand, ComparisonOperator op) {
    if (operand.type().isText()) {
      return text(operand, op);
    }
    return switch (operand.type()) {
      case BOOLEAN -> bool(operand, op);
      case INTEGER, DECIMAL -> number(operand, op);
      case DATE_TIME -> timestamp(operand, op);
      default -> throw ScimException.invalidFilter(attribute + " is complex and cannot be compared");
    };
  }

  private String text(Operand operand, ComparisonOperator op) {
    if (!(literal instanceof String value)) {
      throw ScimException.invalidFilter(attribute + " is a string; compare it with a string, not " + literal);
    }
    return switch (op) {
      case EQ -> operand.string() + " = " + string(operand, parameters.bind(value));
      case CO -> like(operand, "%" + SqlText.escapeLike(value) + "%");
      case SW -> like(operand, SqlText.escapeLike(value) + "%");
      case EW -> like(operand, "%" + SqlText.escapeLike(value));
      // COLLATE "C" orders by code point, as String.compareTo does, whatever the database's locale.
      default -> "(" + operand.string() + ") COLLATE \"C\" " + symbol(op) + " "
          + string(operand, parameters.bind(value));
    };
  }

  private String like(Operand operand, String pattern) {
    return operand.string() + " LIKE " + string(operand, parameters.bind(pattern)) + " ESCAPE '\\'";
  }

  private static String string(Operand operand, String placeholder) {
    return operand.caseExact() ? placeholder : "lower(" + placeholder + ")";
  }

  private String bool(Operand operand, ComparisonOperator op) {
    if (op != ComparisonOperator.EQ) {
      throw ScimException.invalidFilter(attribute + " is a boolean; only eq and ne apply");
    }
    return operand.bool() + " = " + parameters.bind(booleanLiteral()) + "::boolean";
  }

  private Boolean booleanLiteral() {
    if (literal instanceof Boolean value) {
      return value;
    }
    if (literal instanceof String value && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(value);
    }
    throw ScimException.invalidFilter(attribute + " is a boolean; compare it with true or false, not " + literal);
  }

  private String number(Operand operand, ComparisonOperator op) {
    rejectSubstring(op, "a number");
    if (!(literal instanceof BigDecimal value)) {
      throw ScimException.invalidFilter(attribute + " is a number; compare it with a number, not " + literal);
    }
    if (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_FRACTION_DIGITS) {
      throw ScimException.invalidFilter("number out of range for " + attribute);
    }
    // Bound as text so that no digit is lost to a double; the ::text keeps the parameter's inferred type text,
    // which the pg-client binds a String to (it refuses a String for a numeric parameter).
    return operand.number() + " " + symbol(op) + " " + parameters.bind(value.toString()) + "::text::numeric";
  }

  private String timestamp(Operand operand, ComparisonOperator op) {
    rejectSubstring(op, "a dateTime");
    return operand.timestamp() + " " + symbol(op) + " " + parameters.bind(dateTimeLiteral()) + "::timestamptz";
  }

  private OffsetDateTime dateTimeLiteral() {
    String notDateTime = attribute + " is a dateTime; " + literal + " is not an ISO-8601 date-time with offset";
    if (!(literal instanceof String value)) {
      throw ScimException.invalidFilter(notDateTime);
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ScimException.invalidFilter(notDateTime);
    }
  }

  private void rejectSubstring(ComparisonOperator op, String what) {
    if (op == ComparisonOperator.CO || op == ComparisonOperator.SW || op == ComparisonOperator.EW) {
      throw ScimException.invalidFilter(attribute + " is " + what + "; " + op.token() + " applies to strings only");
    }
  }

  private static String symbol(ComparisonOperator op) {
    return switch (op) {
      case EQ -> "=";
      case GT -> ">";
      case GE -> ">=";
      case LT -> "<";
      case LE -> "<=";
      default -> throw new IllegalArgumentException(op + " has no SQL symbol");
    };
  }
}
