package io.scimbus.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Console sessions without server-side state, so that any gateway replica accepts any session: the cookie value is
 * {@code expiry.nonce.mac}, the MAC keyed by the admin secret. Its CSRF token is a second MAC over the cookie value,
 * which the page learns from {@code GET /console/session} (a cross-site page cannot read that answer) and sends
 * back in {@value #CSRF_HEADER} on every write.
 */
public final class ConsoleSessions {
  static final String COOKIE = "scimbus_console";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final Duration LIFETIME = Duration.ofHours(8);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ConsoleSessions(AdminSecret secret, Clock clock) {
    this.key = secret.enabled() ? secret.derive("scimbus console session v1") : null;
    this.clock = clock;
  }

  public static ConsoleSessions of(AdminSecret secret) {
    return new ConsoleSessions(secret, Clock.systemUTC());
  }

  /** A new session's cookie value. */
  String open() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String body = clock.instant().plus(LIFETIME).getEpochSecond() + "." + B64.encodeToString(nonce);
    return body + "." + mac("session|" + body);
  }

  /** Whether {@code value} is a session this secret opened that has not expired. */
  boolean valid(String value) {
    if (key == null || value == null) {
      return false;
    }
    int last = value.lastIndexOf('.');
    int first = value.indexOf('.');
    if (first <= 0 || last <= first) {
      return false;
    }
    String body = value.substring(0, last);
    if (!constantTimeEquals(mac("session|" + body), value.substring(last + 1))) {
      return false;
    }
    return clock.instant().isBefore(expiry(value));
  }

  /** When a {@link #valid} session ends. */
  Instant expiry(String value) {
    return Instant.ofEpochSecond(Long.parseLong(value.substring(0, value.indexOf('.'))));
  }

  String csrfToken(String value) {
    return mac("csrf|" + value);
  }

  boolean csrfMatches(String value, String presented) {
    return presented != null && constantTimeEquals(csrfToken(value), presented);
  }

  private String mac(String text) {
    return B64.encodeToString(AdminSecret.hmac(key, text));
  }

  private static boolean constantTimeEquals(String expected, String presented) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.US_ASCII));
  }
}
