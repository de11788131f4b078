package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.groups.GroupsMain;
import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** scimbus's own metrics on a service's /metrics move with what clients, services and receivers do. */
class MetricsIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String REQUESTS = "scimbus_scim_requests_seconds_count";
  private static final String ATTEMPTS = "scimbus_webhook_attempts_seconds_count";
  private static final String ENDPOINT_QUEUE = "scimbus_webhook_endpoint_queue_depth";
  private static final Path MONITORING = Path.of("..", "k8s", "monitoring");
  private static final Pattern METRIC_NAME = Pattern.compile("\\b(scimbus|vertx|jvm)_[a-z_]+");
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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

  @Test
  void webhookAttemptsCountByOutcomeAndASlowEndpointShowsItsQueue() {
    ScimClient scim = CLUSTER.newTenant();
    int notifier = CLUSTER.member(ScimbusCluster.NOTIFIER).healthPort();
    Map<String, String> succeeded = Map.of("outcome", "2xx");
    PrometheusScrape before = PrometheusScrape.of(notifier);
    // held longer than a sampling period, well within the attempt timeout
    try (WebhookReceiver receiver = WebhookReceiver.start(n -> Reply.ok().after(Duration.ofSeconds(8)))) {
      String endpoint = new Webhooks(CLUSTER, scim.tenant()).register(receiver.url()).id();
      for (int i = 0; i < 3; i++) {
        assertEquals(201, scim.post("/Users", user("hook" + i + "@example.com")).status());
      }
      Eventually.await(PATIENCE, () -> PrometheusScrape.of(notifier),
          scrape -> scrape.value(ENDPOINT_QUEUE, Map.of("endpoint", endpoint)) >= 1);
      receiver.awaitSucceeded(PATIENCE, 3);
      PrometheusScrape after = Eventually.await(PATIENCE, () -> PrometheusScrape.of(notifier),
          scrape -> scrape.value(ATTEMPTS, succeeded) >= before.value(ATTEMPTS, succeeded) + 3);
      assertTrue(after.has("scimbus_webhook_attempts_seconds_bucket", succeeded), "latency is a histogram");
      assertTrue(after.has("scimbus_webhook_queue_depth", Map.of()), after.text());
      assertTrue(after.has("scimbus_webhook_endpoints_disabled", Map.of()), after.text());
      assertTrue(after.has("scimbus_consumer_lag_records",
          Map.of("group", "scimbus-notifier", "topic", "scimbus.user-events")), after.text());
      assertFalse(after.text().contains(scim.tenant()), "tenant is never a label");
    }
  }

  @Test
  void everyServiceShowsItsQueues() {
    PrometheusScrape users = PrometheusScrape.of(CLUSTER.member(ScimbusCluster.USERS).healthPort());
    assertTrue(users.has("scimbus_outbox_depth", Map.of("outbox", "users_outbox")), users.text());
    assertTrue(users.has("scimbus_outbox_age_seconds", Map.of("outbox", "users_outbox")), users.text());
    PrometheusScrape policy = PrometheusScrape.of(CLUSTER.member(ScimbusCluster.POLICY).healthPort());
    assertTrue(policy.has("scimbus_consumer_lag_records", Map.of("topic", "scimbus.provisioning-log")),
        policy.text());
    PrometheusScrape gateway = PrometheusScrape.of(CLUSTER.member(ScimbusCluster.GATEWAY).healthPort());
    assertTrue(gateway.has("scimbus_provisioning_log_dropped_total", Map.of()), gateway.text());
  }

  @Test
  void everyMetricTheDashboardAndTheAlertsUseIsServed() throws Exception {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(MONITORING)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).toList()) {
        METRIC_NAME.matcher(Files.readString(file)).results().map(MatchResult::group).forEach(used::add);
      }
    }
    assertTrue(used.contains("scimbus_outbox_age_seconds"), used.toString());
    assertEquals(201, CLUSTER.newTenant().post("/Users", user("served@example.com")).status());
    String served = Stream.of(ScimbusCluster.GATEWAY, ScimbusCluster.USERS, ScimbusCluster.POLICY,
            ScimbusCluster.NOTIFIER, GroupsMain.DEFINITION.name())
        .map(service -> PrometheusScrape.of(CLUSTER.member(service).healthPort()).text())
        .reduce("", String::concat);
    // its series exist only while an endpoint has deliveries pending: the webhook test above sees it served
    used.remove(ENDPOINT_QUEUE);
    List<String> missing = used.stream().filter(name -> !served.contains("\n" + name)).toList();
    assertEquals(List.of(), missing, "metrics the dashboard or an alert uses that no service serves");
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName);
  }

  private static void probe(int port, String path) throws Exception {
    HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
        .build(), HttpResponse.BodyHandlers.discarding());
  }
}
