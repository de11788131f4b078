package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates the bearer token and binds the request to the token's tenant. A token for tenant A used on tenant
 * B's URL is refused with 401: the URL never widens what a token may reach.
 */
final class BearerAuthHandler implements Handler<RoutingContext> {
  static final String TENANT_KEY = "scimbus.tenant";
  private static final String BEARER = "bearer ";

  private final TenantTokens tokens;

  BearerAuthHandler(TenantTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(ScimException.unauthorized("missing bearer token"));
      return;
    }
    tokens.tenantOf(header.substring(BEARER.length()).trim())
        .onSuccess(tenant -> {
          if (!tenant.equals(rc.pathParam("tenant"))) {
            rc.fail(ScimException.unauthorized("token is not valid for this tenant"));
          } else {
            rc.put(TENANT_KEY, tenant);
            rc.next();
          }
        })
        .onFailure(rc::fail);
  }
}
