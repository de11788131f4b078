package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers 429 with {@code Retry-After} when the authenticated tenant is over its {@link RateLimiter} budget. A
 * {@code POST /Bulk} costs one request per operation, so a thousand writes in one body are not one request; a bulk
 * over the budget is refused whole, before any operation runs.
 */
final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;

  RateLimitHandler(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void handle(RoutingContext rc) {
    int cost = cost(rc);
    long waitSeconds = limiter.acquire(rc.get(BearerAuthHandler.TENANT_KEY), cost);
    if (waitSeconds == 0) {
      rc.next();
      return;
    }
    rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
    rc.fail(ScimException.tooManyRequests((cost > 1 ? "a bulk request of " + cost + " operations exceeds the" : "the")
        + " request rate limit of this tenant; retry after " + waitSeconds + " s"));
  }

  /** Operations of a bulk request, else 1; a bulk over the operation limit is refused before any runs, so costs 1. */
  private static int cost(RoutingContext rc) {
    String bulkPath = ScimMedia.SCIM_PREFIX.replace(":tenant", rc.pathParam("tenant")) + "/Bulk";
    if (rc.request().method() != HttpMethod.POST || !rc.normalizedPath().replaceAll("/+$", "").equals(bulkPath)) {
      return 1;
    }
    JsonObject body = JsonBody.lenient(rc);
    if (body != null && body.getValue("Operations") instanceof JsonArray operations
        && operations.size() <= BulkHandler.MAX_OPERATIONS) {
      return Math.max(1, operations.size());
    }
    return 1;
  }
}
