package io.scimbus.core.resource;

import io.scimbus.core.error.ScimException;

/**
 * C0 control characters (U+0000 to U+001F) in attribute values. NUL is refused everywhere: PostgreSQL cannot store
 * it in text or jsonb. Free text (a title, an address) may hold tab, CR and LF, which people type; no other control
 * character means anything in a directory, and identifiers hold none at all.
 */
public final class ControlCharacters {
  private ControlCharacters() {
  }

  /** Throws invalidValue naming {@code path} and the first forbidden character. */
  public static void check(String text, boolean freeText, String path) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && (c == 0 || !freeText || !(c == '\t' || c == '\r' || c == '\n'))) {
        throw ScimException.invalidValue(path + " contains the control character " + codePoint(c) + " at position "
            + (i + 1) + (c == 0 || !freeText ? "; it takes none" : "; it takes only tab, CR and LF"));
      }
    }
  }

  /** True when {@code text} holds NUL, which no string of scimbus may hold. */
  public static boolean containsNul(String text) {
    return text.indexOf('\u0000') >= 0;
  }

  /** U+XXXX, as error details name a character that cannot be shown. */
  public static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
