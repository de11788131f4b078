package io.scimbus.sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hands out {@code $n} placeholders from a first index and remembers the bound values in order. */
final class Parameters {
  private final int first;
  private final List<Object> values = new ArrayList<>();

  Parameters(int first) {
    if (first < 1) {
      throw new IllegalArgumentException("placeholders start at $1, not $" + first);
    }
    this.first = first;
  }

  /** The placeholder for {@code value}; only types the pg-client binds without help are accepted. */
  String bind(Object value) {
    if (!(value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double
        || value instanceof OffsetDateTime)) {
      throw new IllegalArgumentException("cannot bind " + value);
    }
    values.add(value);
    return "$" + (first + values.size() - 1);
  }

  List<Object> values() {
    return values;
  }
}
