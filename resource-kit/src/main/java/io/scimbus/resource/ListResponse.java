package io.scimbus.resource;

import io.scimbus.contract.RequestFields;
import io.scimbus.core.ScimUrns;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The list side of a resource endpoint that users and groups share: which {@link ListQuery} a bus request carries,
 * and the ListResponse body (RFC 7644 §3.4.2). Okta and Entra read the body shape strictly, so
 * {@code Resources} is present even when empty, and a page of none still answers 200.
 */
public final class ListResponse {
  private ListResponse() {
  }

  /**
   * The query of {@code GET /Users} (query parameters) or {@code POST /Users/.search} (the SearchRequest body).
   * Only .search carries a body on the bus, so the presence of a body decides; its {@code schemas} is not
   * enforced, as the endpoint already says what the body is.
   */
  public static ListQuery query(BusRequest request) {
    return request.payload().getValue(RequestFields.BODY) instanceof JsonObject
        ? ListQuery.fromSearchRequest(request.body())
        : ListQuery.fromQuery(request.query());
  }

  /** The body for one page: {@code itemsPerPage} is what the page holds, not what was asked for. */
  public static JsonObject of(long totalResults, ListQuery query, List<JsonObject> resources) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.LIST_RESPONSE))
        .put("totalResults", totalResults)
        .put("startIndex", query.startIndex())
        .put("itemsPerPage", resources.size())
        .put("Resources", new JsonArray(List.copyOf(resources)));
  }

  /** True when the page cannot hold a row, so the rows query can be skipped ({@code count=0}, or past the end). */
  public static boolean pageIsEmpty(long totalResults, ListQuery query) {
    return query.count() == 0 || query.startIndex() > totalResults;
  }
}
