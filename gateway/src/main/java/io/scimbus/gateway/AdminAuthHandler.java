package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.scimbus.gateway.console.AdminSecret;
import io.scimbus.gateway.console.SessionCheck;
import io.scimbus.runtime.ConfigKeys;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin API's own credential: a static bearer secret from {@link ConfigKeys#ADMIN_TOKEN}, never a tenant token,
 * or, without an Authorization header, a console session opened with that secret. Without the secret the admin API
 * is disabled and answers 503.
 */
final class AdminAuthHandler implements Handler<RoutingContext> {
  private static final String BEARER = "bearer ";

  private final AdminSecret secret;
  private final SessionCheck console;

  AdminAuthHandler(AdminSecret secret, SessionCheck console) {
    this.secret = secret;
    this.console = console;
  }

  boolean enabled() {
    return secret.enabled();
  }

  @Override
  public void handle(RoutingContext rc) {
    if (!secret.enabled()) {
      rc.fail(ScimException.unavailable("the admin API is disabled: " + ConfigKeys.ADMIN_TOKEN + " is not set"));
      return;
    }
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    String session = header == null ? console.presented(rc) : null;
    if (session != null) {
      ScimException refused = console.refusal(rc, session);
      if (refused != null) {
        rc.fail(refused);
      } else {
        rc.next();
      }
      return;
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(ScimException.unauthorized("missing admin bearer token"));
      return;
    }
    if (!secret.matches(header.substring(BEARER.length()))) {
      rc.fail(new InvalidToken("invalid admin token"));
      return;
    }
    rc.next();
  }
}
