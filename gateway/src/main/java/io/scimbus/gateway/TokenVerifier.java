package io.scimbus.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks what a token says about itself: signature by the key its {@code kid} names, {@code exp} when present,
 * scope and claims. Whether the token is still active is {@link TokenStatusCache}'s question.
 */
final class TokenVerifier {
  private static final int MAX_REMEMBERED = 10_000;

  private final Map<String, JWTAuth> byKid = new HashMap<>();
  // An IdP sends the same token on every request: checking its signature and parsing its JSON once is enough.
  // Remembering a verified token is safe because validity (revocation) is TokenStatusCache's separate check.
  private final Map<String, Verified> verified = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
          return size() > MAX_REMEMBERED;
        }
      });

  TokenVerifier(Vertx vertx, JwtKeys keys) {
    // One provider per key, chosen by kid: a token can only ever be checked against the key it names.
    keys.secrets().forEach((kid, secret) -> byKid.put(kid, JWTAuth.create(vertx,
        new JWTAuthOptions().addPubSecKey(TokenIssuer.key(kid, secret)))));
  }

  /** The token's claims; fails with {@link InvalidToken} for anything that is not a good SCIM tenant token. */
  Future<TokenClaims> verify(String token) {
    Verified known = verified.get(token);
    if (known != null && System.currentTimeMillis() < known.expiresAtMillis()) {
      return Future.succeededFuture(known.claims());
    }
    JWTAuth provider = byKid.get(kidOf(token));
    if (provider == null) {
      return Future.failedFuture(new InvalidToken("invalid bearer token"));
    }
    return provider.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidToken("invalid bearer token")))
        .map(user -> {
          JsonObject claims = user.principal();
          String tenant = claims.getString(TokenIssuer.TENANT_CLAIM);
          String tokenId = claims.getString(TokenIssuer.TOKEN_ID_CLAIM);
          if (tenant == null || tokenId == null
              || !TokenIssuer.SCIM_SCOPE.equals(claims.getString(TokenIssuer.SCOPE_CLAIM))) {
            throw new InvalidToken("token is not a SCIM tenant token");
          }
          TokenClaims granted = new TokenClaims(tenant, tokenId);
          Long exp = claims.getLong("exp");
          verified.put(token, new Verified(granted, exp == null ? Long.MAX_VALUE : exp * 1000));
          return granted;
        });
  }

  private static String kidOf(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      String header = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      return new JsonObject(header).getString("kid");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private record Verified(TokenClaims claims, long expiresAtMillis) {
  }

  /** What a verified token grants: one tenant, under one token id. */
  record TokenClaims(String tenant, String tokenId) {
  }
}
