package io.scimbus.policy;

import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One page of an admin list, in the ListResponse vocabulary SCIM clients already know ({@code startIndex} 1-based,
 * {@code count} capped), so operators page tenants and logs exactly as IdPs page users.
 */
public record Page(int startIndex, int count) {
  public static Page of(BusRequest request) {
    return new Page(ListQuery.startIndex(request.query()), ListQuery.count(request.query()));
  }

  public int offset() {
    return startIndex - 1;
  }

  public JsonObject body(long totalResults, List<JsonObject> items) {
    return new JsonObject()
        .put("totalResults", totalResults)
        .put("startIndex", startIndex)
        .put("itemsPerPage", items.size())
        .put("Resources", new JsonArray(List.copyOf(items)));
  }
}
