package io.scimbus.bench;

import io.scimbus.testsupport.hostile.HostileTargets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tenant A of the noisy-neighbour scenario: its own tenants (the hostile one, a lenient twin that also gets edge
 * cases a server may accept, and a decoy whose URL and token it aims at), each onboarded like any other and given a
 * few users and groups for item routes. It holds no other tenant's token and no admin token: it is a customer.
 */
final class HostileTenant {
  private static final int USERS = 6;
  private static final int GROUPS = 3;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HostileTenant() {
  }

  static HostileTargets onboard(Onboarding onboarding, String gatewayUrl, String tenant) {
    return new HostileTargets(Onboarding.SCIM_PREFIX, seeded(onboarding, gatewayUrl, tenant),
        seeded(onboarding, gatewayUrl, tenant + "-lenient"), unseeded(onboarding, gatewayUrl, tenant + "-decoy"),
        null);
  }

  private static HostileTargets.Tenant unseeded(Onboarding onboarding, String gatewayUrl, String tenant) {
    return new HostileTargets.Tenant(tenant, onboarding.tenant(gatewayUrl, tenant).token(), List.of(), List.of());
  }

  private static HostileTargets.Tenant seeded(Onboarding onboarding, String gatewayUrl, String tenant) {
    Target target = onboarding.tenant(gatewayUrl, tenant);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String userName = "seed" + i + "@" + tenant + ".example";
      users.add(create(target, "/Users", new JsonObject().put("userName", userName).put("displayName", "Seed " + i)
          .put("emails", new JsonArray().add(new JsonObject().put("value", userName).put("type", "work")))));
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      groups.add(create(target, "/Groups", new JsonObject().put("displayName", "Seed group " + i)
          .put("members", new JsonArray().add(new JsonObject().put("value", users.get(i)))
              .add(new JsonObject().put("value", users.get(i + 1))))));
    }
    return new HostileTargets.Tenant(tenant, target.token(), users, groups);
  }

  /** POSTs a resource and returns its id; anything but 201 stops the run, since tenant A would aim at nothing. */
  private static String create(Target target, String endpoint, JsonObject body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + endpoint))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + target.token())
        .header("Content-Type", ScimClient.SCIM_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("seeding " + target.baseUrl() + endpoint + " answered "
            + response.statusCode() + " " + response.body());
      }
      return new JsonObject(response.body()).getString("id");
    } catch (IOException e) {
      throw new IllegalStateException("seeding " + target.baseUrl() + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
