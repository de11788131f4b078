package io.scimbus.core.patch.quirks;

import java.util.Objects;

/**
 * Okta renames a group with a path-less replace that echoes the group's own {@code id}:
 * <pre>{"op":"replace","value":{"id":"abf4dd94-a4c0-4f67-89c9-76b03340cb9b","displayName":"Test SCIMv2"}}</pre>
 * {@code id} is readOnly, but writing back the value it already has modifies nothing, so it is not a mutability
 * error; a different value still is.
 */
public final class ReadOnlyEcho {
  private ReadOnlyEcho() {
  }

  public static boolean isEcho(Object current, Object requested) {
    return current != null && Objects.equals(current, requested);
  }
}
