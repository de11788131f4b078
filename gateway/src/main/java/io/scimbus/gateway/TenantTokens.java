package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.UUID;

/**
 * Tenant bearer tokens: HS256 JWTs whose {@code tenant} claim names the only tenant they may touch. They carry no
 * expiry by default because IdPs (Entra ID) quarantine a provisioning job whose token expires.
 */
public final class TenantTokens {
  static final String TENANT_CLAIM = "tenant";
  static final String SCOPE_CLAIM = "scope";
  static final String SCIM_SCOPE = "scim";

  private final JWTAuth jwt;

  public TenantTokens(Vertx vertx, String secret) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
  }

  /** Mints a token for {@code tenant}. */
  public String issue(String tenant) {
    return jwt.generateToken(new JsonObject()
        .put(TENANT_CLAIM, tenant)
        .put(SCOPE_CLAIM, SCIM_SCOPE)
        .put("jti", UUID.randomUUID().toString()), new JWTOptions().setAlgorithm("HS256"));
  }

  /** The tenant a valid token grants; fails with 401 for anything else. */
  Future<String> tenantOf(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(ScimException.unauthorized("invalid bearer token")))
        .map(user -> {
          JsonObject claims = user.principal();
          String tenant = claims.getString(TENANT_CLAIM);
          if (tenant == null || !SCIM_SCOPE.equals(claims.getString(SCOPE_CLAIM))) {
            throw ScimException.unauthorized("token is not a SCIM tenant token");
          }
          return tenant;
        });
  }
}
