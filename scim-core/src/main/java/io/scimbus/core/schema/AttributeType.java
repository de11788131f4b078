package io.scimbus.core.schema;

import java.util.Locale;

/** RFC 7643 §2.3 data types, with their wire names. */
public enum AttributeType {
  STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
  BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

  private final String wireName;

  AttributeType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static AttributeType fromWire(String name) {
    for (AttributeType type : values()) {
      if (type.wireName.equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown attribute type " + name);
  }

  /** Strings, references and binaries compare as text; the rest by value. */
  public boolean isText() {
    return this == STRING || this == REFERENCE || this == BINARY;
  }

  static String camel(Enum<?> value) {
    String[] parts = value.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
