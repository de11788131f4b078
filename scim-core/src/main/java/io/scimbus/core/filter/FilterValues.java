package io.scimbus.core.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Coercions the filter rules need on the plain Map/List/String/Boolean/Number trees of decoded JSON resources.
 * Key lookup and booleans are shared with the rest of scim-core: {@link io.scimbus.core.resource.Values#get} and
 * {@link io.scimbus.core.resource.StringBooleans}.
 */
final class FilterValues {

  private FilterValues() {
  }

  /** A multi-valued attribute's elements, a single value as one element, nothing for absent or null. */
  static List<Object> elements(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    return List.of(value);
  }

  /** The RFC 7644 {@code pr} test of one value: not null, not "", not an empty list or object. */
  static boolean isPresent(Object value) {
    return value != null
        && !"".equals(value)
        && !(value instanceof Collection<?> collection && collection.isEmpty())
        && !(value instanceof Map<?, ?> map && map.isEmpty());
  }

  /** An ISO-8601 date-time with a zone offset ("Z" included) as an instant; null when it is not one. */
  static Instant toInstant(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Any JSON number as a BigDecimal; null for non-numbers and for NaN or infinities. */
  static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (!(value instanceof Number number)) {
      return null;
    }
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A filter literal as the client would have written it, for error details. */
  static String render(Object literal) {
    return literal instanceof String s ? "\"" + s + "\"" : String.valueOf(literal);
  }
}
