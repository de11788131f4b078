package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.KafkaBroker;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.testsupport.IsolatedDatabases;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart under a steady write load, as {@code kubectl rollout restart} runs one with the manifests'
 * maxSurge 1 and maxUnavailable 0: for each service in turn a second member starts, and only once its readiness
 * answers 200 does the old one get what SIGTERM gives it (readiness DOWN, the shutdown delay, draining, leaving the
 * cluster). The gateways sit behind a {@link GatewayRotation} as behind a Kubernetes Service. Every write must be
 * answered with a success or a 503 with {@code Retry-After}, and every committed write must reach the notifier's
 * event log exactly once, in version order per resource.
 * The roll replaces members and the gateway's port, and its notifier and policy-service must not share Kafka
 * consumer groups with another cluster's, so it runs on a cluster, a database and a Kafka broker of its own.
 */
class RollingRestartIT {
  private static final List<String> ROLLOUT = List.of(ScimbusCluster.USERS, ScimbusCluster.GROUPS,
      ScimbusCluster.POLICY, ScimbusCluster.NOTIFIER, ScimbusCluster.GATEWAY);
  // The manifests' 5 s lets endpoints catch up; here the rotation only has to see a gateway's readiness go DOWN,
  // polling every 50 ms, before that gateway stops accepting connections.
  private static final int SHUTDOWN_DELAY_MS = 1500;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int USER_WRITERS = 3;
  private static final int GROUP_WRITERS = 1;
  // ten writes a second in all: a roll of about a minute stays well under the 1,000 events the notifier lists
  private static final Duration WRITE_INTERVAL = Duration.ofMillis(400);
  // reads in between keep requests in flight at the members that leave, so a drain that drops them shows
  private static final Duration READ_INTERVAL = Duration.ofMillis(50);
  // writes that must succeed before the first step and after each: the new member carries the load
  private static final int WRITES_BETWEEN_STEPS = 8;
  // the most events the notifier lists for a tenant, and the most resources a SCIM list page holds
  private static final int EVENT_PAGE = 1000;
  private static final int LIST_PAGE = 1000;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static KafkaBroker kafka;
  private static String database;
  private static ScimbusCluster cluster;

  @BeforeAll
  static void startIsolatedSuite() throws IOException {
    // under target/, so the broker's log outlives a failed run and mvn clean removes it
    Path workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rolling-");
    kafka = KafkaBroker.start(workDir);
    database = IsolatedDatabases.create();
    cluster = ScimbusCluster.isolated(ROLLOUT, new JsonObject()
        .put(ConfigKeys.PG_URI, database)
        .put(ConfigKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers())
        .put(ConfigKeys.SHUTDOWN_DELAY_MS, SHUTDOWN_DELAY_MS));
  }

  @AfterAll
  static void stopIsolatedSuite() {
    if (cluster != null) {
      cluster.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (database != null) {
      IsolatedDatabases.drop(database);
    }
  }

  @Test
  void everyServiceRestartedInTurnUnderLoadAnswersSuccessOr503AndLosesNoEvent() throws TimeoutException {
    ScimClient scim = cluster.newTenant();
    String tenantPath = scim.baseUrl().substring(cluster.gatewayUrl().length());
    GatewayRotation gateways = new GatewayRotation(cluster.gatewayUrl());
    SteadyLoad load = SteadyLoad.start(gateways, tenantPath, scim.token(), USER_WRITERS, GROUP_WRITERS,
        WRITE_INTERVAL, READ_INTERVAL);
    try (load) {
      load.awaitSucceeded(WRITES_BETWEEN_STEPS, PATIENCE);
      for (String service : ROLLOUT) {
        int before = load.succeeded();
        roll(service, gateways);
        load.awaitSucceeded(before + WRITES_BETWEEN_STEPS, PATIENCE);
      }
    }

    assertEquals(List.of(), load.failures(), "answers other than a success or a 503 with Retry-After");
    System.out.printf("rolling restart of %s: %d writes and %d reads succeeded, %d answered 503 with Retry-After%n",
        ROLLOUT, load.succeeded(), load.reads(), load.unavailable());

    ScimClient after = new ScimClient(cluster.gatewayUrl() + tenantPath, scim.token(), scim.tenant());
    Map<String, Long> stored = new HashMap<>(storedVersions(after, SteadyLoad.Kind.USERS));
    stored.putAll(storedVersions(after, SteadyLoad.Kind.GROUPS));
    load.acknowledged().forEach((id, version) -> assertTrue(stored.getOrDefault(id, 0L) >= version,
        "acknowledged version " + version + " of " + id + " lost; stored: " + stored.get(id)));

    // a write answered 503 may still have committed: its event is owed all the same, so the stored versions count
    NotifierEvents notifier = new NotifierEvents(cluster, scim.tenant());
    List<JsonObject> events = Eventually.await(PATIENCE, notifier::all,
        all -> versionsByResource(all).entrySet().containsAll(expectedVersions(stored).entrySet()));
    assertTrue(events.size() < EVENT_PAGE, "the event log listing is full; slow the load down: " + events.size());
    assertEquals(expectedVersions(stored), versionsByResource(events),
        "each stored resource's events, in the order the notifier logged them");
  }

  /**
   * One step of the rollout: a second member of {@code service}, readiness UP, then the old member's SIGTERM path;
   * returns once the old member has left the cluster.
   */
  private static void roll(String service, GatewayRotation gateways) throws TimeoutException {
    ScimbusCluster.Surge surge = cluster.surge(service);
    Eventually.await(PATIENCE, () -> ready(surge.healthPort()), status -> status == 200);
    String oldGateway = cluster.gatewayUrl();
    boolean gateway = ScimbusCluster.GATEWAY.equals(service);
    if (gateway) {
      gateways.add(surge.gatewayUrl());
    }
    ServiceRunner.Running old = cluster.promote(service, surge);
    String nodeId = ScimbusCluster.nodeId(old);
    Future<Void> stopped = old.shutdown();
    if (gateway) {
      Eventually.await(PATIENCE, () -> ready(old.healthPort()), status -> status == 503);
      gateways.remove(oldGateway);
    }
    stopped.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    cluster.awaitLeft(nodeId);
  }

  /** The versions 1..n each stored resource's events must carry, n being its stored version. */
  private static Map<String, List<Long>> expectedVersions(Map<String, Long> stored) {
    Map<String, List<Long>> expected = new HashMap<>();
    stored.forEach((id, version) -> expected.put(id, LongStream.rangeClosed(1, version).boxed().toList()));
    return expected;
  }

  /** Each resource's event versions in the order the notifier logged them. */
  private static Map<String, List<Long>> versionsByResource(List<JsonObject> events) {
    Map<String, List<Long>> versions = new HashMap<>();
    for (JsonObject event : events) {
      versions.computeIfAbsent(event.getString("resourceId"), id -> new ArrayList<>()).add(event.getLong("version"));
    }
    return versions;
  }

  /** Every resource of {@code kind} with its stored version. */
  private static Map<String, Long> storedVersions(ScimClient scim, SteadyLoad.Kind kind) {
    ScimClient.Response page = scim.get(kind.endpoint() + ScimClient.query("count", Integer.toString(LIST_PAGE)));
    assertEquals(200, page.status(), page.toString());
    JsonArray resources = page.json().getJsonArray("Resources", new JsonArray());
    assertEquals(page.json().getInteger("totalResults"), resources.size(), "more than one page of " + kind);
    Map<String, Long> versions = new HashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      JsonObject resource = resources.getJsonObject(i);
      String etag = resource.getJsonObject("meta").getString("version");
      versions.put(resource.getString("id"), SteadyLoad.version(etag));
    }
    return versions;
  }

  private static int ready(int healthPort) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
