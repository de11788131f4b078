package io.scimbus.core.schema;

/** RFC 7643 §7 returned. */
public enum Returned {
  ALWAYS, NEVER, DEFAULT, REQUEST;

  public String wireName() {
    return AttributeType.camel(this);
  }

  public static Returned fromWire(String name) {
    for (Returned r : values()) {
      if (r.wireName().equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown returned " + name);
  }
}
