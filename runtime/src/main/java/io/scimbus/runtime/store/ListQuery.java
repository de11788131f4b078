package io.scimbus.runtime.store;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.filter.Filter;
import io.scimbus.core.filter.FilterParser;
import io.scimbus.runtime.bus.BusRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * A list request (RFC 7644 §3.4.2), from query parameters of {@code GET /Users} or the body of
 * {@code POST /Users/.search}. {@code startIndex} is 1-based and values below 1 mean 1; {@code count} is capped at
 * {@link #MAX_COUNT} (advertised as {@code filter.maxResults}); a negative count means 0.
 */
public record ListQuery(Filter filter, int startIndex, int count, AttributePath sortBy, boolean descending,
    String attributes, String excludedAttributes) {
  public static final int MAX_COUNT = 1000;
  public static final int DEFAULT_COUNT = 100;

  /** From {@code GET} query parameters (all strings). */
  public static ListQuery fromQuery(JsonObject query) {
    return new ListQuery(
        filter(query.getString("filter")),
        startIndex(query),
        count(query),
        sortBy(query.getString("sortBy")),
        descending(query.getString("sortOrder")),
        query.getString("attributes"),
        query.getString("excludedAttributes"));
  }

  /** {@code startIndex} of list query parameters: 1-based, values below 1 mean 1. */
  public static int startIndex(JsonObject query) {
    return Math.max(1, BusRequest.intParam(query, "startIndex", 1));
  }

  /** {@code count} of list query parameters: capped at {@link #MAX_COUNT}, a negative count means 0. */
  public static int count(JsonObject query) {
    return Math.min(MAX_COUNT, Math.max(0, BusRequest.intParam(query, "count", DEFAULT_COUNT)));
  }

  /** From a SearchRequest body (RFC 7644 §3.4.3): numbers are numbers, attribute lists are arrays. */
  public static ListQuery fromSearchRequest(JsonObject body) {
    JsonObject query = new JsonObject();
    for (String key : new String[] {"filter", "startIndex", "count", "sortBy", "sortOrder"}) {
      Object value = body.getValue(key);
      if (value != null) {
        query.put(key, value.toString());
      }
    }
    for (String key : new String[] {"attributes", "excludedAttributes"}) {
      Object value = body.getValue(key);
      if (value instanceof JsonArray array) {
        query.put(key, String.join(",", array.stream().map(String::valueOf).toList()));
      } else if (value != null) {
        query.put(key, value.toString());
      }
    }
    return fromQuery(query);
  }

  private static Filter filter(String text) {
    return text == null || text.isBlank() ? null : FilterParser.parse(text);
  }

  private static AttributePath sortBy(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Filter probe = FilterParser.parse(text.trim() + " pr");
    if (probe instanceof Filter.Present present) {
      return present.path();
    }
    throw ScimException.invalidValue("sortBy must be an attribute path, got \"" + text + "\"");
  }

  private static boolean descending(String order) {
    if (order == null || order.isBlank()) {
      return false;
    }
    return switch (order.trim().toLowerCase(Locale.ROOT)) {
      case "ascending" -> false;
      case "descending" -> true;
      default -> throw ScimException.invalidValue("sortOrder must be ascending or descending, got \"" + order + "\"");
    };
  }
}
