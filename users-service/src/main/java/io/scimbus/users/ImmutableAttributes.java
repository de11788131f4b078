package io.scimbus.users;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 7644 §3.5.1: a PUT may set an immutable attribute that has no value yet, but must send back the stored value
 * unchanged once set (400 mutability otherwise). The core User schema marks none immutable; tenant extension
 * schemas can. PATCH enforces the same rule inside the patch engine.
 */
final class ImmutableAttributes {
  private final ResourceSchema schema;

  ImmutableAttributes(ResourceSchema schema) {
    this.schema = schema;
  }

  /** Both arguments are canonical resources (schema spelling of names, extensions under their URN). */
  void checkReplace(Map<String, Object> stored, Map<String, Object> replacement) {
    check(schema.core(), stored, replacement, "");
    for (Schema extension : schema.extensions()) {
      check(extension, section(stored, extension.id()), section(replacement, extension.id()), extension.id() + ":");
    }
  }

  private static void check(Schema owner, Map<?, ?> stored, Map<?, ?> replacement, String prefix) {
    for (AttributeDefinition attribute : owner.attributes()) {
      Object current = stored.get(attribute.name());
      if (attribute.mutability() == Mutability.IMMUTABLE && current != null
          && !Objects.equals(current, replacement.get(attribute.name()))) {
        throw ScimException.mutability(prefix + attribute.name() + " is immutable and already set");
      }
    }
  }

  private static Map<?, ?> section(Map<String, Object> resource, String urn) {
    return resource.get(urn) instanceof Map<?, ?> map ? map : Map.of();
  }
}
