package io.scimbus.policy.discovery;

import io.scimbus.core.ScimUrns;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Discovery lists are complete, unpaged ListResponses (RFC 7644 §4: no filtering, sorting or paging there). */
final class ListResponses {
  private ListResponses() {
  }

  static JsonObject of(List<JsonObject> resources) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.LIST_RESPONSE))
        .put("totalResults", resources.size())
        .put("itemsPerPage", resources.size())
        .put("startIndex", 1)
        .put("Resources", new JsonArray(List.copyOf(resources)));
  }
}
