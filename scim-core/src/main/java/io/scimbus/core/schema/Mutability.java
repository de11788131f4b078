package io.scimbus.core.schema;

/** RFC 7643 §7 mutability. */
public enum Mutability {
  READ_ONLY, READ_WRITE, IMMUTABLE, WRITE_ONLY;

  public String wireName() {
    return AttributeType.camel(this);
  }

  public static Mutability fromWire(String name) {
    for (Mutability m : values()) {
      if (m.wireName().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mutability " + name);
  }
}
