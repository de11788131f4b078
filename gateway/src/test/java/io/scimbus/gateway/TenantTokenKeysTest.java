package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Signing with a kid and verifying with every configured key: what key rotation relies on. */
class TenantTokenKeysTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final String OLD = "old-secret-0123456789";
  private static final String NEW = "new-secret-0123456789";

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void tokensCarryTheSigningKidAndVerifyWhileTheirKeyIsConfigured() throws Exception {
    JwtKeys before = JwtKeys.from(config("k1:" + OLD, null));
    String oldToken = new TokenIssuer(VERTX, before).issue("acme", "id-1");
    assertEquals("k1", header(oldToken).getString("kid"));

    JwtKeys rotated = JwtKeys.from(config("k1:" + OLD + ",k2:" + NEW, "k2"));
    String newToken = new TokenIssuer(VERTX, rotated).issue("acme", "id-2");
    assertEquals("k2", header(newToken).getString("kid"));
    TokenVerifier verifier = new TokenVerifier(VERTX, rotated);
    assertEquals(new TokenVerifier.TokenClaims("acme", "id-1"), await(verifier, oldToken));
    assertEquals(new TokenVerifier.TokenClaims("acme", "id-2"), await(verifier, newToken));

    TokenVerifier afterRetirement = new TokenVerifier(VERTX, JwtKeys.from(config("k2:" + NEW, null)));
    assertInstanceOf(InvalidToken.class, failure(afterRetirement, oldToken));
  }

  @Test
  void aForgedSignatureOrGarbageIsInvalid() throws Exception {
    JwtKeys keys = JwtKeys.from(config("k1:" + OLD, null));
    JwtKeys forger = JwtKeys.from(config("k1:" + "forged-secret-0123456789", null));
    TokenVerifier verifier = new TokenVerifier(VERTX, keys);
    assertInstanceOf(InvalidToken.class, failure(verifier, new TokenIssuer(VERTX, forger).issue("acme", "x")));
    assertInstanceOf(InvalidToken.class, failure(verifier, "not.a.jwt"));
    assertInstanceOf(InvalidToken.class, failure(verifier, "garbage"));
  }

  @Test
  void theSingleSecretIsTheDefaultKid() {
    JwtKeys keys = JwtKeys.from(new ServiceConfig(new JsonObject().put(ConfigKeys.JWT_SECRET, OLD)));
    assertEquals(JwtKeys.DEFAULT_KID, keys.signingKid());
    assertThrows(IllegalStateException.class, () -> JwtKeys.from(config("k1:" + OLD, "k9")));
    assertThrows(IllegalStateException.class, () -> JwtKeys.from(config("k1:short", null)));
  }

  private static ServiceConfig config(String keys, String signingKid) {
    JsonObject values = new JsonObject().put(ConfigKeys.JWT_KEYS, keys);
    if (signingKid != null) {
      values.put(ConfigKeys.JWT_SIGNING_KID, signingKid);
    }
    return new ServiceConfig(values);
  }

  private static JsonObject header(String token) {
    String part = token.substring(0, token.indexOf('.'));
    return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
  }

  private static TokenVerifier.TokenClaims await(TokenVerifier verifier, String token) throws Exception {
    return verifier.verify(token).await(5, TimeUnit.SECONDS);
  }

  private static Throwable failure(TokenVerifier verifier, String token) {
    try {
      verifier.verify(token).await(5, TimeUnit.SECONDS);
      throw new AssertionError("token accepted: " + token);
    } catch (Exception e) {
      return e;
    }
  }
}
