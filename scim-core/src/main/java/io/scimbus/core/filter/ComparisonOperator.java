package io.scimbus.core.filter;

import java.util.Locale;
import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2 except {@code pr}, which is {@link Filter.Present}. */
public enum ComparisonOperator {
  EQ, NE, CO, SW, EW, GT, GE, LT, LE;

  /** Operators are case-insensitive in the grammar ("EQ", "Eq" and "eq" are the same). */
  public static Optional<ComparisonOperator> parse(String token) {
    try {
      return Optional.of(valueOf(token.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
