package io.scimbus.core.patch.quirks;

import java.util.Locale;
import java.util.Optional;

/**
 * Entra ID sends booleans as capitalised strings, in POST bodies, in PATCH values and in value filters:
 * <pre>{"op":"Replace","path":"active","value":"False"}</pre>
 * <pre>{"op":"Add","path":"roles[primary eq \"True\"].value","value":"Admin"}</pre>
 * RFC 7643 §2.3.2 only allows the JSON literals; accepting "true"/"false" in any case is harmless because no other
 * meaning is possible for a boolean attribute.
 */
public final class StringBooleans {
  private StringBooleans() {
  }

  public static Optional<Boolean> parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(Boolean.TRUE);
      case "false" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }
}
