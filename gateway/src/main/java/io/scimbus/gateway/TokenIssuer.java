package io.scimbus.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * Signs tenant tokens: HS256 JWTs with the signing {@code kid} in the header and the claims {@code tenant},
 * {@code jti} (the token row's id in policy-service) and {@code scope}. No {@code exp}: IdPs (Entra ID) quarantine a
 * provisioning job whose token expires, so validity is decided server-side by the token id.
 */
final class TokenIssuer {
  static final String TENANT_CLAIM = "tenant";
  static final String TOKEN_ID_CLAIM = "jti";
  static final String SCOPE_CLAIM = "scope";
  static final String SCIM_SCOPE = "scim";
  static final String ALGORITHM = "HS256";

  private final JWTAuth signer;
  private final String kid;

  TokenIssuer(Vertx vertx, JwtKeys keys) {
    this.kid = keys.signingKid();
    this.signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(key(kid, keys.secrets().get(kid))));
  }

  String issue(String tenant, String tokenId) {
    return signer.generateToken(new JsonObject()
            .put(TENANT_CLAIM, tenant)
            .put(TOKEN_ID_CLAIM, tokenId)
            .put(SCOPE_CLAIM, SCIM_SCOPE),
        new JWTOptions().setAlgorithm(ALGORITHM).setHeader(new JsonObject().put("kid", kid)));
  }

  static PubSecKeyOptions key(String kid, String secret) {
    return new PubSecKeyOptions().setAlgorithm(ALGORITHM).setId(kid).setBuffer(secret);
  }
}
