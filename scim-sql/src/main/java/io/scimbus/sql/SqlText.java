package io.scimbus.sql;

/** Helpers that turn schema-given names into SQL text. */
final class SqlText {
  private SqlText() {
  }

  /** A string literal; names come from schemas, yet a quote in one must still not end the literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** {@code text} as a LIKE pattern matching itself, for use with {@code ESCAPE '\'}. */
  static String escapeLike(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '%' || c == '_') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
