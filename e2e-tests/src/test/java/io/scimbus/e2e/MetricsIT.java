package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** scimbus's own metrics on a service's /metrics move with what clients and Kafka do. */
class MetricsIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String REQUESTS = "scimbus_scim_requests_seconds_count";
  private static final Map<String, String> CREATED_USER = Map.of("resource", "Users", "operation", "create",
      "outcome", "2xx");

  @Test
  void aCreatedUserCountsOnceWithItsLabelsAndProbesDoNotCount() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    int healthPort = CLUSTER.member(ScimbusCluster.GATEWAY).healthPort();
    PrometheusScrape before = PrometheusScrape.of(healthPort);

    assertEquals(201, scim.post("/Users", user("metrics@example.com")).status());
    assertEquals(409, scim.post("/Users", user("metrics@example.com")).status());
    probe(healthPort, HealthServer.READY);
    probe(healthPort, HealthServer.LIVE);

    PrometheusScrape after = PrometheusScrape.of(healthPort);
    assertEquals(before.value(REQUESTS, CREATED_USER) + 1, after.value(REQUESTS, CREATED_USER), after.text());
    Map<String, String> conflict = Map.of("resource", "Users", "operation", "create", "outcome", "4xx");
    assertEquals(before.value(REQUESTS, conflict) + 1, after.value(REQUESTS, conflict));
    assertEquals(before.value(REQUESTS, Map.of()) + 2, after.value(REQUESTS, Map.of()), "probes are not requests");
    assertTrue(after.has("scimbus_scim_requests_seconds_bucket", CREATED_USER), "latency is a histogram");
    assertFalse(after.text().contains(scim.tenant()), "tenant is never a label");
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName);
  }

  private static void probe(int port, String path) throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
