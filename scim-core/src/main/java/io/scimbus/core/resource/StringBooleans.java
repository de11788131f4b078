package io.scimbus.core.resource;

import java.util.Locale;
import java.util.Optional;

/**
 * Entra ID sends booleans as capitalised strings, in POST bodies, in PATCH values and in value filters:
 * <pre>{"op":"Replace","path":"active","value":"False"}</pre>
 * <pre>{"op":"Add","path":"roles[primary eq \"True\"].value","value":"Admin"}</pre>
 * RFC 7643 §2.3.2 only allows the JSON literals; accepting "true"/"false" in any case is harmless because no other
 * meaning is possible for a boolean attribute. The one boolean coercion of scim-core: {@link ValueCoercer} uses it
 * for values and the filter evaluator for filter literals and stored values.
 */
public final class StringBooleans {
  private StringBooleans() {
  }

  /** A JSON boolean as is, the string "true"/"false" in any case as that boolean, anything else as empty. */
  public static Optional<Boolean> parse(Object value) {
    if (value instanceof Boolean b) {
      return Optional.of(b);
    }
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(Boolean.TRUE);
      case "false" -> Optional.of(Boolean.FALSE);
      default -> Optional.empty();
    };
  }
}
