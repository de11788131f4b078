package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.e2e.Webhooks.Registered;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
import io.scimbus.testsupport.WebhookReceiver.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per endpoint one resource's events arrive in order; a slow endpoint holds back no other endpoint or tenant. */
class WebhookOrderIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int WRITERS = 32;
  private static final int USERS = 8;
  private static final int WRITES_PER_WRITER = 5;

  @Test
  void eachResourcesEventsArriveInVersionOrderUnder32ConcurrentWriters() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    // answers vary in time, so deliveries in flight together would finish out of order if nothing kept it
    try (WebhookReceiver receiver = WebhookReceiver.start(n -> Reply.ok().after(Duration.ofMillis(n % 5 * 4)))) {
      Registered endpoint = hooks.register(receiver.url());
      List<String> users = IntStream.range(0, USERS)
          .mapToObj(i -> scim.post("/Users", user("u" + i + "@example.com")).json().getString("id")).toList();

      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<List<Integer>>> statuses = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          String id = users.get(w % USERS);
          int writer = w;
          statuses.add(writers.submit(() -> IntStream.range(0, WRITES_PER_WRITER)
              .mapToObj(k -> scim.patch("/Users/" + id, patch(op("replace", "displayName", "w" + writer + "-" + k)))
                  .status()).toList()));
        }
        for (Future<List<Integer>> status : statuses) {
          assertEquals(List.of(200, 200, 200, 200, 200), status.get());
        }
      } finally {
        writers.shutdown();
      }

      int versionsPerUser = 1 + WRITERS / USERS * WRITES_PER_WRITER;
      List<Delivery> delivered = receiver.awaitSucceeded(PATIENCE, USERS * versionsPerUser);
      Map<String, List<Long>> arrivals = delivered.stream().map(Delivery::json).collect(Collectors.groupingBy(
          event -> event.getString("resourceId"), Collectors.mapping(event -> event.getLong("version"),
              Collectors.toList())));
      List<Long> inOrder = IntStream.rangeClosed(1, versionsPerUser).mapToObj(v -> (long) v).toList();
      for (String id : users) {
        assertEquals(inOrder, arrivals.get(id), "arrival order of " + id);
      }
      assertEquals(delivered.size(), receiver.deliveries().size(), "every event once, none retried");
      assertTrue(delivered.stream().allMatch(d -> d.verifiedBy(endpoint.secret())));
    }
  }

  @Test
  void oneEndpointGetsManyResourcesEventsAtOnce() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    Duration answerTime = Duration.ofSeconds(10);
    try (WebhookReceiver receiver = WebhookReceiver.start(n -> Reply.ok().after(answerTime))) {
      Registered endpoint = hooks.register(receiver.url());
      int resources = 16;
      for (int i = 0; i < resources; i++) {
        assertEquals(201, scim.post("/Users", user("c" + i + "@example.com")).status());
      }
      List<Delivery> got = receiver.await(PATIENCE, all -> all.size() >= resources);
      Instant firstAnswer = got.get(0).receivedAt().plus(answerTime);
      Instant last = got.get(resources - 1).receivedAt();
      assertTrue(last.isBefore(firstAnswer), "all " + resources + " users' events were in flight together: the last"
          + " arrived at " + last + ", before the first was answered at " + firstAnswer);
      assertEquals(204, hooks.delete(endpoint.id()).status());
    }
  }

  @Test
  void anEndpointThatTakesTenSecondsPerRequestDelaysNoOtherEndpointOrTenant() {
    ScimClient scim = CLUSTER.newTenant();
    ScimClient otherTenant = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver slow = WebhookReceiver.start(n -> Reply.ok().after(Duration.ofSeconds(10)));
        WebhookReceiver fast = WebhookReceiver.start();
        WebhookReceiver otherFast = WebhookReceiver.start()) {
      Registered slowEndpoint = hooks.register(slow.url());
      hooks.register(fast.url());
      new Webhooks(CLUSTER, otherTenant.tenant()).register(otherFast.url());
      // SCIMBUS_WEBHOOK_ENDPOINT_CONCURRENCY's default, the slow endpoint's share of the workers
      int busy = 32;
      for (int i = 0; i < busy; i++) {
        assertEquals(201, scim.post("/Users", user("busy" + i + "@example.com")).status());
      }
      // the slow endpoint now holds every worker it may have, for ten seconds
      Instant slowFirstAnswer = slow.await(PATIENCE, got -> got.size() >= busy).get(0).receivedAt().plusSeconds(10);

      int writes = 6;
      for (int i = 0; i < writes; i++) {
        assertEquals(201, scim.post("/Users", user("u" + i + "@example.com")).status());
      }
      assertEquals(201, otherTenant.post("/Users", user("other@example.com")).status());
      Instant fastDone = fast.awaitSucceeded(PATIENCE, busy + writes).get(busy + writes - 1).receivedAt();
      Instant otherDone = otherFast.awaitSucceeded(PATIENCE, 1).get(0).receivedAt();
      assertTrue(fastDone.isBefore(slowFirstAnswer), "the fast endpoint had every event at " + fastDone
          + ", before the slow one answered once at " + slowFirstAnswer);
      assertTrue(otherDone.isBefore(slowFirstAnswer), "another tenant's endpoint too, at " + otherDone);
      // its backlog would otherwise keep the slow receiver's share of the notifier busy after this test
      assertEquals(204, hooks.delete(slowEndpoint.id()).status());
    }
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }
}
