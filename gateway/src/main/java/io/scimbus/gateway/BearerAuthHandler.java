package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.logging.LogContext;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates the bearer token and binds the request to the token's tenant, resolved once here: every bus
 * request carries that tenant as a header. A token for tenant A used on tenant B's URL is refused with 401: the URL
 * never widens what a token may reach. A token must also be active (not revoked, its tenant not deleted).
 */
final class BearerAuthHandler implements Handler<RoutingContext> {
  static final String TENANT_KEY = "scimbus.tenant";
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;
  private final TokenStatusCache status;

  BearerAuthHandler(TokenVerifier verifier, TokenStatusCache status) {
    this.verifier = verifier;
    this.status = status;
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(ScimException.unauthorized("missing bearer token"));
      return;
    }
    verifier.verify(header.substring(BEARER.length()).trim())
        .compose(claims -> {
          if (!claims.tenant().equals(rc.pathParam("tenant"))) {
            throw new InvalidToken("token is not valid for this tenant");
          }
          return status.isActive(claims.tenant(), claims.tokenId()).map(active -> {
            if (!active) {
              throw new InvalidToken("token has been revoked");
            }
            return claims.tenant();
          });
        })
        .onSuccess(tenant -> {
          rc.put(TENANT_KEY, tenant);
          LogContext.set(RequestIdHandler.of(rc), tenant);
          rc.next();
        })
        .onFailure(rc::fail);
  }
}
