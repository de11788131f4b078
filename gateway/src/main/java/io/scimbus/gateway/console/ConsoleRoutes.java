package io.scimbus.gateway.console;

import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.ConfigKeys;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operator console under {@value #PREFIX}: static pages from the gateway jar ({@code console/} on the class path)
 * that call the admin API with a session cookie, and {@value #SESSION} to log in and out. The admin secret is typed
 * once into the login form; the browser keeps only an HttpOnly cookie derived from it.
 */
public final class ConsoleRoutes {
  static final String PREFIX = "/console";
  static final String SESSION = PREFIX + "/session";
  private static final String WEB_ROOT = "console";
  private static final long MAX_LOGIN_BYTES = 4096;
  /** Nothing but the console's own files; no inline script or style, no framing, no form posts elsewhere. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final AdminSecret secret;
  private final ConsoleSessions sessions;
  private final SessionCheck check;
  private final boolean publicBaseIsHttps;

  /** {@code publicBaseUrl}: cookies are {@code Secure} when it is https (TLS ended at the ingress) or TLS is here. */
  public ConsoleRoutes(AdminSecret secret, ConsoleSessions sessions, String publicBaseUrl) {
    this.secret = secret;
    this.sessions = sessions;
    this.check = new SessionCheck(sessions);
    this.publicBaseIsHttps = publicBaseUrl.startsWith("https:");
  }

  public void mount(Router router) {
    router.route(PREFIX + "/*").handler(ConsoleRoutes::securityHeaders);
    // someone who opens the gateway's address in a browser finds the console, not a 404
    router.get("/").handler(rc -> rc.redirect(PREFIX + "/"));
    // the route matches "/console/" too; only the bare path moves, so that relative asset URLs resolve
    router.get(PREFIX).handler(rc -> {
      if (rc.request().path().equals(PREFIX)) {
        rc.redirect(PREFIX + "/");
      } else {
        rc.next();
      }
    });
    router.post(SESSION).handler(BodyHandler.create(false).setBodyLimit(MAX_LOGIN_BYTES)).handler(this::login);
    router.get(SESSION).handler(this::current);
    router.delete(SESSION).handler(this::logout);
    router.get(PREFIX + "/*").handler(StaticHandler.create(WEB_ROOT).setIndexPage("index.html")
        .setCachingEnabled(false).setDirectoryListing(false));
  }

  private static void securityHeaders(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    rc.next();
  }

  /**
   * Exchanges {@code {"secret": ...}} for a session cookie. Only JSON is read: a cross-site form cannot send it, so a
   * foreign page cannot log the browser into a session of its choosing.
   */
  private void login(RoutingContext rc) {
    if (!secret.enabled()) {
      rc.fail(ScimException.unavailable("the console is disabled: " + ConfigKeys.ADMIN_TOKEN + " is not set"));
      return;
    }
    String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      rc.fail(ScimException.unsupportedMediaType("log in with a JSON body {\"secret\": \"...\"}"));
      return;
    }
    Object presented;
    try {
      presented = rc.body().length() > 0 ? rc.body().asJsonObject().getValue("secret") : null;
    } catch (DecodeException | ClassCastException e) {
      rc.fail(ScimException.invalidSyntax("the body must be a JSON object {\"secret\": \"...\"}"));
      return;
    }
    if (!(presented instanceof String candidate) || candidate.isBlank()) {
      rc.fail(ScimException.invalidValue("secret is required: the admin secret, " + ConfigKeys.ADMIN_TOKEN));
      return;
    }
    if (!secret.matches(candidate)) {
      rc.fail(ScimException.unauthorized("that is not the admin secret"));
      return;
    }
    String value = sessions.open();
    rc.response().addCookie(cookie(rc, value).setMaxAge(ConsoleSessions.LIFETIME.toSeconds()));
    answer(rc, value);
  }

  /** The session's CSRF token and end, for a page that was reloaded. */
  private void current(RoutingContext rc) {
    String value = check.presented(rc);
    ScimException refused = value == null ? ScimException.unauthorized("not logged in") : check.refusal(rc, value);
    if (refused != null) {
      rc.fail(refused);
      return;
    }
    answer(rc, value);
  }

  private void logout(RoutingContext rc) {
    String value = check.presented(rc);
    ScimException refused = value == null ? null : check.refusal(rc, value);
    if (refused != null && refused.status() == 403) {
      rc.fail(refused);
      return;
    }
    rc.response().addCookie(cookie(rc, "").setMaxAge(0)).setStatusCode(204).end();
  }

  private void answer(RoutingContext rc, String value) {
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
        .put("csrfToken", sessions.csrfToken(value))
        .put("expiresAt", sessions.expiry(value).toString())
        .encode());
  }

  private Cookie cookie(RoutingContext rc, String value) {
    return Cookie.cookie(ConsoleSessions.COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(publicBaseIsHttps || rc.request().isSSL());
  }
}
