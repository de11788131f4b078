package io.scimbus.bench;

import io.scimbus.gateway.TenantTokens;
import io.vertx.core.Vertx;

/** scimbus targets: the gateway's per-tenant base URL and a token minted for that tenant with the run's secret. */
final class Tokens {
  private final TenantTokens tokens;

  Tokens(Vertx vertx, String secret) {
    this.tokens = new TenantTokens(vertx, secret);
  }

  Target target(String gatewayUrl, String tenant) {
    return new Target(gatewayUrl + "/scim/v2/" + tenant, tokens.issue(tenant));
  }
}
