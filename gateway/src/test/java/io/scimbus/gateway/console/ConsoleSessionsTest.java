package io.scimbus.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private final AdminSecret secret = AdminSecret.of("the-admin-secret");
  private final ConsoleSessions sessions = at(secret, NOW);

  @Test
  void aSessionIsValidOnAnyReplicaWithTheSameSecretUntilItExpires() {
    String session = sessions.open();
    assertTrue(sessions.valid(session));
    assertTrue(at(AdminSecret.of("the-admin-secret"), NOW).valid(session), "no server-side state");
    assertEquals(NOW.plus(ConsoleSessions.LIFETIME), sessions.expiry(session));
    assertTrue(at(secret, NOW.plus(ConsoleSessions.LIFETIME).minusSeconds(1)).valid(session));
    assertFalse(at(secret, NOW.plus(ConsoleSessions.LIFETIME)).valid(session));
  }

  @Test
  void aRotatedSecretEndsEverySession() {
    assertFalse(at(AdminSecret.of("the-next-secret"), NOW).valid(sessions.open()));
  }

  @Test
  void aForgedOrAlteredSessionIsRefused() {
    String session = sessions.open();
    String later = (NOW.getEpochSecond() + 86_400 * 365) + session.substring(session.indexOf('.'));
    assertFalse(sessions.valid(later), "a longer life needs a new MAC");
    assertFalse(sessions.valid(session.substring(0, session.length() - 2) + "AA"));
    assertFalse(sessions.valid(""));
    assertFalse(sessions.valid("..."));
    assertFalse(sessions.valid("the-admin-secret"));
    assertFalse(ConsoleSessions.of(AdminSecret.of(" ")).valid(session), "no secret, no console");
  }

  @Test
  void theCsrfTokenBelongsToItsSessionOnly() {
    String one = sessions.open();
    String two = sessions.open();
    assertNotEquals(one, two);
    assertTrue(sessions.csrfMatches(one, sessions.csrfToken(one)));
    assertFalse(sessions.csrfMatches(one, sessions.csrfToken(two)));
    assertFalse(sessions.csrfMatches(one, null));
    assertFalse(sessions.csrfMatches(one, ""));
  }

  @Test
  void theAdminSecretIsComparedWithoutSurroundingBlanks() {
    assertTrue(secret.matches(" the-admin-secret\n"));
    assertFalse(secret.matches("the-admin-secre"));
    assertFalse(secret.matches(null));
    assertFalse(AdminSecret.of(null).matches(""));
  }

  private static ConsoleSessions at(AdminSecret secret, Instant now) {
    return new ConsoleSessions(secret, Clock.fixed(now, ZoneOffset.UTC));
  }
}
