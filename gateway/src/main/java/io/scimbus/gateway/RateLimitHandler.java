package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers 429 with {@code Retry-After} when the authenticated tenant is over its {@link RateLimiter} budget. */
final class RateLimitHandler implements Handler<RoutingContext> {
  private final RateLimiter limiter;

  RateLimitHandler(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void handle(RoutingContext rc) {
    long waitSeconds = limiter.acquire(rc.get(BearerAuthHandler.TENANT_KEY));
    if (waitSeconds == 0) {
      rc.next();
      return;
    }
    rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
    rc.fail(ScimException.tooManyRequests("request rate limit of this tenant exceeded; retry after " + waitSeconds
        + " s"));
  }
}
