package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.EventTypes;
import io.scimbus.devstack.KafkaBroker;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.ServiceJvm;
import io.scimbus.testsupport.IsolatedDatabases;
import io.scimbus.users.UsersMain;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a crash or an outage costs: users-service killed with SIGKILL under a write stream, and Kafka stopped for
 * 30 s. Neither loses an acknowledged write or an event, nor produces an event twice or one without its change; the
 * outage shows on users-service's metrics (outbox age) and readiness.
 * These tests break things, so they run on a cluster, a database and a Kafka broker of their own: the shared test
 * cluster never sees them. users-service runs as a JVM of its own so that it can be killed as a pod would be.
 */
class FaultToleranceIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  // the production default rather than the shared cluster's 3 s: a cold member on a busy machine must not fail a write
  private static final int BUS_TIMEOUT_MS = 10_000;
  private static final Duration KAFKA_DOWN = Duration.ofSeconds(30);
  private static final String OUTBOX_AGE = "scimbus_outbox_age_seconds";
  private static final String OUTBOX_DEPTH = "scimbus_outbox_depth";
  private static final Map<String, String> USERS_OUTBOX = Map.of("outbox", "users_outbox");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final long WRITE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private static Path workDir;
  private static String database;
  private static KafkaBroker kafka;
  private static ScimbusCluster cluster;
  private static ServiceJvm users;

  @BeforeAll
  static void startIsolatedSuite() throws Exception {
    // under target/, so the broker's and users-service's logs outlive a failed run and mvn clean removes them
    workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-");
    kafka = KafkaBroker.start(workDir);
    database = IsolatedDatabases.create();
    cluster = ScimbusCluster.isolated(List.of(ScimbusCluster.GATEWAY, ScimbusCluster.POLICY,
        ScimbusCluster.NOTIFIER), new JsonObject()
        .put(ConfigKeys.PG_URI, database)
        .put(ConfigKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers())
        .put(ConfigKeys.BUS_TIMEOUT_MS, BUS_TIMEOUT_MS));
    users = startUsersService();
  }

  @AfterAll
  static void stopIsolatedSuite() {
    if (users != null) {
      users.close();
    }
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
  void usersServiceKilledUnderAWriteStreamLosesNoAcknowledgedWriteAndNoEvent() {
    ScimClient scim = cluster.newTenant();
    Map<String, String> acknowledged;
    List<String> refused;
    try (WriteStream stream = WriteStream.start(scim, 3)) {
      stream.awaitAcknowledged(20, PATIENCE);
      users.kill();
      users = startUsersService();
      stream.awaitAcknowledged(stream.acknowledged().size() + 20, PATIENCE);
      stream.close();
      acknowledged = stream.acknowledged();
      refused = stream.refused();
    }

    // while no users-service was there the gateway said so; nothing else went wrong
    assertFalse(refused.isEmpty(), "the kill did not interrupt the stream");
    assertTrue(refused.stream().allMatch(answer -> answer.contains(": 503 ")), refused.toString());
    acknowledged.forEach((userName, id) -> {
      Response read = scim.get("/Users/" + id);
      assertEquals(200, read.status(), "acknowledged " + userName + " lost: " + read);
      assertEquals(userName, read.json().getString("userName"));
    });
    // a write cut by the kill may have committed without its 201: it must have its event all the same
    Set<String> stored = storedUserIds(scim);
    assertTrue(stored.containsAll(acknowledged.values()));
    assertOneCreatedEventPerUser(scim, stored);
  }

  @Test
  void writesGoOnWhileKafkaIsDownAndEveryEventArrivesOnceAfterwards() {
    ScimClient scim = cluster.newTenant();
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(scim, "before-" + i + "@example.com"));
    }
    assertOneCreatedEventPerUser(scim, created);

    kafka.stop();
    long downSince = System.nanoTime();
    for (int i = 0; System.nanoTime() - downSince < KAFKA_DOWN.toNanos(); i++) {
      created.add(create(scim, "during-" + i + "@example.com"));
      LockSupport.parkNanos(downSince + (i + 1) * WRITE_EVERY_NANOS - System.nanoTime());
    }
    // what an SRE sees meanwhile: events pile up and age in the outbox, and users-service says why it is not ready
    PrometheusScrape stalled = PrometheusScrape.of(users.healthPort());
    assertTrue(stalled.value(OUTBOX_AGE, USERS_OUTBOX) >= 10, stalled.text());
    assertTrue(stalled.value(OUTBOX_DEPTH, USERS_OUTBOX) > 0, stalled.text());
    HttpResponse<String> unready = Eventually.await(PATIENCE, () -> ready(users.healthPort()),
        response -> response.statusCode() == 503);
    assertTrue(unready.body().contains("users-kafka-producer"), unready.body());
    kafka.launch();

    assertTrue(created.size() > 5 + 10, "too few writes while Kafka was down: " + created.size());
    assertEquals(created, storedUserIds(scim));
    assertOneCreatedEventPerUser(scim, created);
    Eventually.await(PATIENCE, () -> PrometheusScrape.of(users.healthPort()),
        scrape -> scrape.value(OUTBOX_DEPTH, USERS_OUTBOX) == 0 && scrape.value(OUTBOX_AGE, USERS_OUTBOX) == 0);
    Eventually.await(PATIENCE, () -> ready(users.healthPort()), response -> response.statusCode() == 200);
  }

  private static ServiceJvm startUsersService() {
    return ServiceJvm.start(cluster, UsersMain.class, workDir.resolve("users-service.log"));
  }

  private static String create(ScimClient scim, String userName) {
    Response response = scim.post("/Users", new JsonObject().put("userName", userName));
    assertEquals(201, response.status(), response.toString());
    return response.json().getString("id");
  }

  private static HttpResponse<String> ready(int healthPort) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> storedUserIds(ScimClient scim) {
    Response list = scim.get("/Users" + ScimClient.query("count", "1000"));
    assertEquals(200, list.status(), list.toString());
    JsonArray resources = list.json().getJsonArray("Resources", new JsonArray());
    assertEquals(list.json().getInteger("totalResults"), resources.size(), "more users than one page");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < resources.size(); i++) {
      ids.add(resources.getJsonObject(i).getString("id"));
    }
    return ids;
  }

  /** Waits until every user in {@code ids} has its user.created event, then: exactly one each, and no other. */
  private static void assertOneCreatedEventPerUser(ScimClient scim, Set<String> ids) {
    NotifierEvents notifier = new NotifierEvents(cluster, scim.tenant());
    List<JsonObject> events = Eventually.await(PATIENCE, notifier::all,
        all -> createdCounts(all).keySet().containsAll(ids));
    Map<String, Integer> created = createdCounts(events);
    assertEquals(ids, created.keySet(), "an event without its change");
    created.forEach((id, count) -> assertEquals(1, count, "user.created events for " + id));
    assertEquals(ids.size(), events.size(), "events besides one user.created per user: " + events);
  }

  private static Map<String, Integer> createdCounts(List<JsonObject> events) {
    Map<String, Integer> counts = new HashMap<>();
    for (JsonObject event : events) {
      if (EventTypes.USER_CREATED.equals(event.getString("type"))) {
        counts.merge(event.getString("resourceId"), 1, Integer::sum);
      }
    }
    return counts;
  }
}
