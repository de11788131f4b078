package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.patch.quirks.ReadOnlyEcho;
import io.scimbus.core.schema.AttributeDefinition;
import java.util.Objects;

/**
 * RFC 7644 §3.5.2: a client MUST NOT modify readOnly or immutable attributes, but MAY add a value to an immutable
 * attribute that had none.
 */
final class MutabilityGuard {
  private MutabilityGuard() {
  }

  static void checkWrite(AttributeDefinition definition, Object current, Object requested, String path) {
    switch (definition.mutability()) {
      case READ_ONLY -> {
        if (!ReadOnlyEcho.isEcho(current, requested)) {
          throw ScimException.mutability(path + " is readOnly");
        }
      }
      case IMMUTABLE -> {
        if (current != null && !Objects.equals(current, requested)) {
          throw ScimException.mutability(path + " is immutable and already set");
        }
      }
      default -> {
      }
    }
  }

  static void checkRemove(AttributeDefinition definition, Object current, String path) {
    switch (definition.mutability()) {
      case READ_ONLY -> throw ScimException.mutability(path + " is readOnly");
      case IMMUTABLE -> {
        if (current != null) {
          throw ScimException.mutability(path + " is immutable");
        }
      }
      default -> {
      }
    }
  }
}
