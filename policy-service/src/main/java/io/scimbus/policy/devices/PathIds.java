package io.scimbus.policy.devices;

import io.scimbus.core.error.ScimException;
import java.util.UUID;

/** Ids in admin URLs: one that is no UUID names nothing (404). */
final class PathIds {
  private PathIds() {
  }

  static UUID parse(String id, String what) {
    try {
      return UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw notFound(what, id);
    }
  }

  static ScimException notFound(String what, Object id) {
    return ScimException.notFound(what + " " + id + " not found");
  }
}
