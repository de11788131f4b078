package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.EventTypes;
import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.KafkaBroker;
import io.scimbus.notifier.NotifierMain;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.ServiceJvm;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
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
 * What a crash or an outage costs: users-service (which relays its outbox to Kafka) or notifier-service killed with
 * SIGKILL under a write stream, and Kafka stopped for 30 s. None loses an acknowledged write, an event or a webhook,
 * nor produces an event twice or one without its change; a webhook sent again carries the same {@code webhook-id};
 * the outage shows on users-service's metrics (outbox age) and readiness.
 * These tests break things, so they run on a cluster, a database and a Kafka broker of their own: the shared test
 * cluster never sees them. users-service and notifier-service run as JVMs of their own so that they can be killed as
 * a pod would be.
 */
class FaultToleranceIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  // a restarted notifier gets the partitions once Kafka gives up on the killed member's session (45 s by default),
  // and a delivery the killed notifier had claimed is claimed again when its lease runs out (45 s)
  private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(150);
  private static final int WRITES_PER_PHASE = 20;
  private static final int PAGE = 1000;
  // writes go on while a notifier starts (tens of seconds on a busy machine); paced, they stay a few hundred users
  private static final Duration NOTIFIER_DOWN_WRITE_INTERVAL = Duration.ofMillis(100);
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
  private static ServiceJvm notifier;

  @BeforeAll
  static void startIsolatedSuite() throws Exception {
    // under target/, so the broker's and users-service's logs outlive a failed run and mvn clean removes them
    workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "faults-");
    kafka = KafkaBroker.start(workDir);
    database = IsolatedDatabases.create();
    cluster = ScimbusCluster.isolated(List.of(ScimbusCluster.GATEWAY, ScimbusCluster.POLICY), new JsonObject()
        .put(ConfigKeys.PG_URI, database)
        .put(ConfigKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers())
        .put(ConfigKeys.BUS_TIMEOUT_MS, BUS_TIMEOUT_MS));
    users = startUsersService();
    notifier = startNotifierService();
  }

  @AfterAll
  static void stopIsolatedSuite() {
    if (users != null) {
      users.close();
    }
    if (notifier != null) {
      notifier.close();
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
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Webhooks.Registered endpoint = new Webhooks(cluster, scim.tenant()).register(receiver.url());
      Map<String, String> acknowledged;
      List<String> refused;
      try (WriteStream stream = WriteStream.start(scim, 3)) {
        stream.awaitAcknowledged(WRITES_PER_PHASE, PATIENCE);
        users.kill();
        users = startUsersService();
        stream.awaitAcknowledged(stream.acknowledged().size() + WRITES_PER_PHASE, PATIENCE);
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
      // a write cut by the kill may have committed without its 201: it must have its event and webhook all the same
      Set<String> stored = storedUserIds(scim);
      assertTrue(stored.containsAll(acknowledged.values()));
      assertOneCreatedEventPerUser(scim, stored);
      assertEveryCreationDeliveredUnderOneWebhookId(receiver, endpoint, stored);
    }
  }

  @Test
  void notifierKilledUnderAWriteStreamDeliversEveryEventAfterItsRestart() {
    ScimClient scim = cluster.newTenant();
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Webhooks.Registered endpoint = new Webhooks(cluster, scim.tenant()).register(receiver.url());
      List<String> refused;
      try (WriteStream stream = WriteStream.start(scim, 3, NOTIFIER_DOWN_WRITE_INTERVAL)) {
        stream.awaitAcknowledged(WRITES_PER_PHASE, PATIENCE);
        // killed once deliveries flow, so the kill lands among claimed, sent and unsent ones
        receiver.awaitSucceeded(DELIVERY_PATIENCE, 1);
        notifier.kill();
        // the writes go on without a notifier: their events wait in Kafka
        stream.awaitAcknowledged(stream.acknowledged().size() + WRITES_PER_PHASE, PATIENCE);
        notifier = startNotifierService();
        stream.awaitAcknowledged(stream.acknowledged().size() + WRITES_PER_PHASE, PATIENCE);
        stream.close();
        refused = stream.refused();
      }
      assertEquals(List.of(), refused, "writes do not need notifier-service");
      Set<String> stored = storedUserIds(scim);
      assertEveryCreationDeliveredUnderOneWebhookId(receiver, endpoint, stored);
    }
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

  private static ServiceJvm startNotifierService() {
    return ServiceJvm.start(cluster, NotifierMain.class, workDir.resolve("notifier-service.log"));
  }

  /**
   * Waits until the receiver has had a successful, verified user.created delivery for every user in {@code ids},
   * then: nothing else arrived, and each user's creation came under one {@code webhook-id} however often it came.
   */
  private static void assertEveryCreationDeliveredUnderOneWebhookId(WebhookReceiver receiver,
      Webhooks.Registered endpoint, Set<String> ids) {
    // counting first keeps each wake-up cheap: the bodies are read only once enough deliveries could be there
    List<Delivery> received = receiver.await(DELIVERY_PATIENCE, all -> all.stream().filter(Delivery::succeeded)
        .count() >= ids.size() && deliveredResources(all).containsAll(ids));
    assertEquals(ids, deliveredResources(received), "a delivery without its change");
    Map<String, Set<String>> webhookIds = new HashMap<>();
    Map<String, Set<String>> bodies = new HashMap<>();
    for (Delivery delivery : received) {
      assertTrue(delivery.verifiedBy(endpoint.secret()), "unsigned or badly signed: " + delivery);
      assertEquals(EventTypes.USER_CREATED, delivery.json().getString("type"), delivery.body());
      String resource = delivery.json().getString("resourceId");
      webhookIds.computeIfAbsent(resource, r -> new HashSet<>()).add(delivery.id());
      bodies.computeIfAbsent(delivery.id(), id -> new HashSet<>()).add(delivery.body());
    }
    webhookIds.forEach((resource, sent) -> assertEquals(1, sent.size(), "webhook-ids for " + resource + ": " + sent));
    bodies.forEach((id, sent) -> assertEquals(1, sent.size(), "bodies under webhook-id " + id + ": " + sent));
  }

  private static Set<String> deliveredResources(List<Delivery> deliveries) {
    Set<String> resources = new HashSet<>();
    for (Delivery delivery : deliveries) {
      if (delivery.succeeded()) {
        resources.add(delivery.json().getString("resourceId"));
      }
    }
    return resources;
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

  /** Every user of the tenant, page by page (a stream of writes leaves more than one page of them). */
  private static Set<String> storedUserIds(ScimClient scim) {
    Set<String> ids = new HashSet<>();
    int fetched = 0;
    int total;
    JsonArray resources;
    do {
      Response page = scim.get("/Users" + ScimClient.query("startIndex", Integer.toString(fetched + 1),
          "count", Integer.toString(PAGE)));
      assertEquals(200, page.status(), page.toString());
      total = page.json().getInteger("totalResults");
      resources = page.json().getJsonArray("Resources", new JsonArray());
      for (int i = 0; i < resources.size(); i++) {
        ids.add(resources.getJsonObject(i).getString("id"));
      }
      fetched += resources.size();
    } while (fetched < total && !resources.isEmpty());
    assertEquals(total, ids.size(), "the pages did not hold every user once");
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
