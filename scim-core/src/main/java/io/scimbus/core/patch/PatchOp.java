package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.patch.quirks.CapitalisedOpNames;

/** The three operations of RFC 7644 §3.5.2. */
public enum PatchOp {
  ADD("add"), REPLACE("replace"), REMOVE("remove");

  private final String wireName;

  PatchOp(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static PatchOp parse(String op) {
    String canonical = CapitalisedOpNames.canonical(op);
    for (PatchOp candidate : values()) {
      if (candidate.wireName.equals(canonical)) {
        return candidate;
      }
    }
    throw ScimException.invalidSyntax("unknown PATCH op \"" + op + "\"; expected add, replace or remove");
  }
}
