package io.scimbus.core.resource;

import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entra ID sends the enterprise extension's {@code manager} as the manager's id alone, in POST bodies and in PATCH
 * (its provisioning tutorial's own example):
 * <pre>"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"manager": "123456"}</pre>
 * <pre>{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"123456"}</pre>
 * RFC 7643 §4.3 makes {@code manager} complex; a bare string can only mean its {@code value}, so it is read as
 * {@code {"value": "123456"}}; an empty string names no manager.
 */
public final class PlainStringManager {
  private static final String MANAGER = "manager";

  private PlainStringManager() {
  }

  public static boolean appliesTo(AttributeDefinition attribute, Object value) {
    return value instanceof String && attribute.type() == AttributeType.COMPLEX && !attribute.multiValued()
        && MANAGER.equalsIgnoreCase(attribute.name()) && attribute.subAttribute("value").isPresent();
  }

  /** The complex manager value for {@code id}; null (no manager) when it is blank. */
  public static Map<String, Object> asComplex(String id) {
    if (id.isBlank()) {
      return null;
    }
    Map<String, Object> manager = new LinkedHashMap<>();
    manager.put("value", id);
    return manager;
  }
}
