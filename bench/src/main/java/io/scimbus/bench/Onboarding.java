package io.scimbus.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * scimbus targets: each tenant onboarded through the admin API, as an operator would, and given its own token; the
 * target is the SCIM base URL the admin API answers with. Runs before a workload, never inside one.
 */
final class Onboarding {
  /** Where the gateway serves tenants: {@code <gateway>/scim/v2/<tenant>}. */
  static final String SCIM_PREFIX = "/scim/v2";
  /** Where the admin API keeps tenants: {@code <gateway>/admin/v1/tenants/<tenant>}. */
  static final String ADMIN_TENANTS = "/admin/v1/tenants";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String adminToken;

  Onboarding(String adminToken) {
    this.adminToken = adminToken;
  }

  Target tenant(String gatewayUrl, String tenant) {
    String admin = gatewayUrl + ADMIN_TENANTS;
    // both topologies share one database, so the seeded tenant is already there the second time
    send("POST", admin, new JsonObject().put("id", tenant).put("displayName", tenant), 201, 409);
    JsonObject token = send("POST", admin + "/" + tenant + "/tokens", new JsonObject().put("description", "bench"),
        201);
    return new Target(gatewayUrl + SCIM_PREFIX + "/" + tenant, token.getString("token"));
  }

  /** The tenant's admin API with the admin token, for a workload whose units call it (devices, say). */
  Target admin(String gatewayUrl, String tenant) {
    return new Target(gatewayUrl + ADMIN_TENANTS + "/" + tenant, adminToken);
  }

  /** Registers {@code url} as a webhook endpoint of {@code tenant} for every event type. */
  void webhook(String gatewayUrl, String tenant, String url) {
    send("POST", gatewayUrl + ADMIN_TENANTS + "/" + tenant + "/webhooks", new JsonObject().put("url", url)
        .put("description", "bench"), 201);
  }

  /** Stores {@code settings} as the behaviours of {@code tenant}'s {@code portal} (store, dashboard or mdm). */
  void portal(String gatewayUrl, String tenant, String portal, JsonObject settings) {
    send("PUT", gatewayUrl + ADMIN_TENANTS + "/" + tenant + "/portals/" + portal, settings, 200);
  }

  /** Calls the admin API; any other status stops the benchmark, since every figure after it would be wrong. */
  private JsonObject send(String method, String url, JsonObject body, int... expected) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.encode()))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (Arrays.stream(expected).noneMatch(status -> status == response.statusCode())) {
        throw new IllegalStateException("admin API " + url + " answered " + response.statusCode() + " "
            + response.body());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("admin API " + url + " unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
