package io.scimbus.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Keycloak realm set up for its SCIM API through the admin REST API, as the Keycloak documentation has an
 * operator do it: the realm with SCIM on, a confidential client with a service account (client credentials) holding
 * realm-management's user roles, and an audience mapper whose value is the realm's SCIM base URL, which the SCIM
 * endpoint requires in the token. The token is issued once, with a lifetime longer than the run.
 */
final class KeycloakRealm {
  static final String SCIM_PATH = "/scim/v2";
  private static final String CLIENT_ID = "scim-bench";
  private static final int TOKEN_SECONDS = 4 * 3600;
  private static final String[] ROLES = {"manage-users", "view-users", "query-users", "query-groups"};
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private String adminToken;

  private KeycloakRealm(String base) {
    this.base = base;
  }

  /** Creates {@code realm} on the server at {@code url} and returns its SCIM target with a client-credentials token. */
  static Target create(KeycloakServer server, String realm) {
    KeycloakRealm admin = new KeycloakRealm(server.url());
    admin.adminToken = admin.token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
        "username", KeycloakServer.ADMIN, "password", server.adminPassword));
    String scimBase = server.url() + "/realms/" + realm + SCIM_PATH;
    admin.send("POST", "/admin/realms", new JsonObject().put("realm", realm).put("enabled", true)
        .put("accessTokenLifespan", TOKEN_SECONDS).put("scimApiEnabled", true), 201);
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
    admin.send("POST", "/admin/realms/" + realm + "/clients", new JsonObject().put("clientId", CLIENT_ID)
        .put("secret", secret).put("publicClient", false).put("serviceAccountsEnabled", true)
        .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false)
        .put("protocolMappers", new JsonArray().add(new JsonObject().put("name", "scim-audience")
            .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper")
            .put("config", new JsonObject().put("included.custom.audience", scimBase)
                .put("access.token.claim", "true").put("introspection.token.claim", "true")))), 201);
    String client = admin.clientUuid(realm, CLIENT_ID);
    String serviceAccount = new JsonObject(admin.send("GET", "/admin/realms/" + realm + "/clients/" + client
        + "/service-account-user", null, 200)).getString("id");
    String management = admin.clientUuid(realm, "realm-management");
    JsonArray roles = new JsonArray();
    for (String role : ROLES) {
      roles.add(new JsonObject(admin.send("GET", "/admin/realms/" + realm + "/clients/" + management + "/roles/"
          + role, null, 200)));
    }
    admin.send("POST", "/admin/realms/" + realm + "/users/" + serviceAccount + "/role-mappings/clients/"
        + management, roles, 204);
    String token = admin.token(realm, Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID,
        "client_secret", secret));
    return new Target(scimBase, token);
  }

  private String clientUuid(String realm, String clientId) {
    return new JsonArray(send("GET", "/admin/realms/" + realm + "/clients?clientId=" + clientId, null, 200))
        .getJsonObject(0).getString("id");
  }

  private String token(String realm, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
        StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/" + realm
            + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return new JsonObject(exchange(request, 200)).getString("access_token");
  }

  /** One admin REST call; any other status than {@code expected} stops the run, naming the call. */
  private String send(String method, String path, Object json, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + adminToken);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.toString()));
    }
    return exchange(request.build(), expected);
  }

  private static String exchange(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException("Keycloak " + request.method() + " " + request.uri() + " answered "
            + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak " + request.uri() + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
