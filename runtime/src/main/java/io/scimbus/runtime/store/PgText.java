package io.scimbus.runtime.store;

/**
 * Text PostgreSQL can store. It refuses U+0000 in {@code text} and {@code jsonb}, so a record of what a client sent
 * (a log, an error) keeps a NUL as the six characters {@code \u0000} instead of failing the whole write.
 */
public final class PgText {
  private static final String NUL = "\u0000";
  private static final String ESCAPED_NUL = "\\u0000";

  private PgText() {
  }

  /** {@code text} with every NUL escaped; null stays null. */
  public static String storable(String text) {
    return text == null || !text.contains(NUL) ? text : text.replace(NUL, ESCAPED_NUL);
  }
}
