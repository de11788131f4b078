package io.scimbus.gateway.console;

import io.scimbus.core.error.ScimException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Decides a request that carries a console session cookie instead of the admin bearer secret: the session must be
 * valid, and anything but a read must carry its CSRF token.
 */
public final class SessionCheck {
  private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final ConsoleSessions sessions;

  public SessionCheck(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  /** The session cookie's value, or null. */
  public String presented(RoutingContext rc) {
    Cookie cookie = rc.request().getCookie(ConsoleSessions.COOKIE);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /** Why {@code rc} may not go on with the session {@code value}, or null when it may. */
  public ScimException refusal(RoutingContext rc, String value) {
    if (!sessions.valid(value)) {
      return ScimException.unauthorized("the console session has expired or is not valid: log in again");
    }
    if (!READS.contains(rc.request().method())
        && !sessions.csrfMatches(value, rc.request().getHeader(ConsoleSessions.CSRF_HEADER))) {
      return ScimException.forbidden("a console write needs the session's " + ConsoleSessions.CSRF_HEADER
          + " header: reload the console");
    }
    return null;
  }
}
