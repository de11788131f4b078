package io.scimbus.core.patch.quirks;

import java.util.Locale;

/**
 * Entra ID capitalises operation names:
 * <pre>{"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}</pre>
 * RFC 7644 §3.5.2 spells them in lower case; accepting any case costs nothing and no client means anything else.
 */
public final class CapitalisedOpNames {
  private CapitalisedOpNames() {
  }

  public static String canonical(String op) {
    return op.toLowerCase(Locale.ROOT);
  }
}
