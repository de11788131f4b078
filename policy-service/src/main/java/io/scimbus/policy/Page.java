package io.scimbus.policy;

import io.scimbus.runtime.bus.BusRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One page of an admin list, in the ListResponse vocabulary SCIM clients already know ({@code startIndex} 1-based,
 * {@code count} capped), so operators page tenants and logs exactly as IdPs page users.
 */
record Page(int startIndex, int count) {
  static final int DEFAULT_COUNT = 100;
  static final int MAX_COUNT = 1000;

  static Page of(BusRequest request) {
    return new Page(Math.max(1, request.queryInt("startIndex", 1)),
        Math.min(MAX_COUNT, Math.max(0, request.queryInt("count", DEFAULT_COUNT))));
  }

  int offset() {
    return startIndex - 1;
  }

  JsonObject body(long totalResults, List<JsonObject> items) {
    return new JsonObject()
        .put("totalResults", totalResults)
        .put("startIndex", startIndex)
        .put("itemsPerPage", items.size())
        .put("Resources", new JsonArray(List.copyOf(items)));
  }
}
