package io.scimbus.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Body of {@link BusAddresses#TOKENS_REVOKED}: token ids (JWT {@code jti}) of one tenant that are no longer valid. */
public record TokensRevoked(String tenant, List<String> tokenIds) {
  private static final String TENANT = "tenant";
  private static final String TOKEN_IDS = "tokenIds";

  public JsonObject toJson() {
    return new JsonObject().put(TENANT, tenant).put(TOKEN_IDS, new JsonArray(List.copyOf(tokenIds)));
  }

  public static TokensRevoked fromJson(JsonObject json) {
    JsonArray ids = json.getJsonArray(TOKEN_IDS, new JsonArray());
    return new TokensRevoked(json.getString(TENANT), ids.stream().map(String::valueOf).toList());
  }
}
