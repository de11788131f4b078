package io.scimbus.core.schema;

/** RFC 7643 §7 uniqueness. */
public enum Uniqueness {
  NONE, SERVER, GLOBAL;

  public String wireName() {
    return AttributeType.camel(this);
  }

  public static Uniqueness fromWire(String name) {
    for (Uniqueness u : values()) {
      if (u.wireName().equalsIgnoreCase(name)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown uniqueness " + name);
  }
}
