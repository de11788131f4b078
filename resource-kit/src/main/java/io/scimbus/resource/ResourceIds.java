package io.scimbus.resource;

import io.scimbus.core.error.ScimException;
import java.util.UUID;

/** Resource ids are UUIDs; any other id cannot exist, so it is a 404 rather than a 400. */
public final class ResourceIds {
  private ResourceIds() {
  }

  public static UUID parse(String id, String resourceType) {
    try {
      return UUID.fromString(id);
    } catch (RuntimeException e) {
      throw notFound(resourceType, id);
    }
  }

  public static ScimException notFound(String resourceType, String id) {
    return ScimException.notFound(resourceType + " " + id + " not found");
  }
}
