package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.ConfigKeys;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin API's own credential: a static bearer secret from {@link ConfigKeys#ADMIN_TOKEN}, never a tenant token.
 * Both sides are hashed before the constant-time comparison so that neither content nor length leaks through
 * timing. Without the secret the admin API is disabled and answers 503.
 */
final class AdminAuthHandler implements Handler<RoutingContext> {
  private static final String BEARER = "bearer ";

  private final byte[] expected;

  /** {@code secret} null or blank disables the admin API. */
  AdminAuthHandler(String secret) {
    this.expected = secret == null || secret.isBlank() ? null : sha256(secret);
  }

  boolean enabled() {
    return expected != null;
  }

  @Override
  public void handle(RoutingContext rc) {
    if (expected == null) {
      rc.fail(ScimException.unavailable("the admin API is disabled: " + ConfigKeys.ADMIN_TOKEN + " is not set"));
      return;
    }
    String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      rc.fail(ScimException.unauthorized("missing admin bearer token"));
      return;
    }
    if (!MessageDigest.isEqual(expected, sha256(header.substring(BEARER.length()).trim()))) {
      rc.fail(new InvalidToken("invalid admin token"));
      return;
    }
    rc.next();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
