package io.scimbus.core.filter;

/**
 * An attribute reference as written in a filter or PATCH path: an optional schema URN, an attribute name and an
 * optional sub-attribute ({@code urn:...:enterprise:2.0:User:manager.value} → urn, "manager", "value").
 * Names keep the client's spelling; resolution against a schema is case-insensitive.
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

  public AttributePath {
    if (attribute == null || attribute.isEmpty()) {
      throw new IllegalArgumentException("attribute name is required");
    }
  }

  public static AttributePath of(String attribute) {
    return new AttributePath(null, attribute, null);
  }

  public static AttributePath of(String attribute, String subAttribute) {
    return new AttributePath(null, attribute, subAttribute);
  }

  public AttributePath withoutSubAttribute() {
    return subAttribute == null ? this : new AttributePath(schemaUrn, attribute, null);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (schemaUrn != null) {
      sb.append(schemaUrn).append(':');
    }
    sb.append(attribute);
    if (subAttribute != null) {
      sb.append('.').append(subAttribute);
    }
    return sb.toString();
  }
}
