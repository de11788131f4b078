package io.scimbus.users;

import io.scimbus.core.resource.ResourceProjection;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.resource.Representation;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.json.JsonObject;

/** What clients see of a stored user: the full representation, and its projection by attributes lists. */
final class UserView {
  static final String RESOURCE_TYPE = "User";
  static final String ENDPOINT = "/Users";

  private final ResourceProjection projection;

  UserView(ResourceSchema schema) {
    this.projection = new ResourceProjection(schema);
  }

  /**
   * The full representation, as replies and events carry it: everything stored except attributes the schema marks
   * {@code returned: never}, which no client may read back.
   */
  JsonObject represent(StoredUser user, String baseUrl) {
    JsonObject stored = Representation.of(RESOURCE_TYPE, ENDPOINT, user.id().toString(), user.resource(),
        user.version(), user.created(), user.lastModified(), baseUrl);
    return new JsonObject(projection.project(PlainJson.map(stored), null, null));
  }

  /** The representation narrowed by {@code attributes} / {@code excludedAttributes}; either may be null. */
  JsonObject project(JsonObject representation, String attributes, String excludedAttributes) {
    if (isBlank(attributes) && isBlank(excludedAttributes)) {
      return representation;
    }
    return new JsonObject(projection.project(PlainJson.map(representation), attributes, excludedAttributes));
  }

  private static boolean isBlank(String list) {
    return list == null || list.isBlank();
  }
}
