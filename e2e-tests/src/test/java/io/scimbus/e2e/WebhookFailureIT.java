package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.e2e.Webhooks.Registered;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
import io.scimbus.testsupport.WebhookReceiver.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Receivers that fail: retries on the schedule (compressed by the test cluster to
 * {@value ScimbusCluster#WEBHOOK_RETRY_SCHEDULE}), {@code Retry-After}, {@code 410 Gone}, and an endpoint failing
 * for longer than the disable period ({@value ScimbusCluster#WEBHOOK_DISABLE_AFTER} here), whose undelivered events
 * become dead letters an operator replays.
 */
class WebhookFailureIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final Duration PATIENCE = Webhooks.PATIENCE;

  @Test
  void aFailingReceiverIsRetriedOnTheScheduleWithTheSameWebhookIdAndRetryAfterIsHonoured() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start(n -> switch (n) {
      case 1 -> Reply.status(500);
      case 2 -> Reply.status(502);
      case 3 -> Reply.status(429).with("Retry-After", "1");
      default -> Reply.ok();
    })) {
      Registered endpoint = hooks.register(receiver.url());
      scim.post("/Users", user("ada@example.com"));

      receiver.awaitSucceeded(PATIENCE, 1);
      List<Delivery> attempts = receiver.deliveries();
      assertEquals(4, attempts.size());
      assertEquals(1, attempts.stream().map(Delivery::id).distinct().count(), "one webhook-id on every retry");
      assertTrue(attempts.stream().allMatch(d -> d.verifiedBy(endpoint.secret())), "each attempt signed anew");
      // the schedule's waits (jitter only lengthens them), then the receiver's Retry-After
      assertTrue(gap(attempts, 1).toMillis() >= 50, gap(attempts, 1).toString());
      assertTrue(gap(attempts, 2).toMillis() >= 100, gap(attempts, 2).toString());
      assertTrue(gap(attempts, 3).toMillis() >= 1000, gap(attempts, 3).toString());

      hooks.awaitSettled(endpoint.id());
      JsonArray log = hooks.deliveries(endpoint.id(), "").getJsonArray("Resources");
      assertEquals(List.of(4, 3, 2, 1), column(log, "attempt"), "newest first");
      assertEquals(List.of(200, 429, 502, 500), column(log, "httpStatus"));
      assertEquals(List.of("success", "failure", "failure", "failure"), column(log, "outcome"));
      assertTrue(hooks.get(endpoint.id()).getBoolean("enabled"), "a recovered endpoint stays enabled");
    }
  }

  @Test
  void a410GoneDisablesTheEndpointAtOnce() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver gone = WebhookReceiver.start(n -> Reply.status(410));
        WebhookReceiver healthy = WebhookReceiver.start()) {
      Registered goneEndpoint = hooks.register(gone.url());
      hooks.register(healthy.url());
      scim.post("/Users", user("ada@example.com"));

      JsonObject disabled = hooks.await(goneEndpoint.id(), endpoint -> !endpoint.getBoolean("enabled"));
      assertTrue(disabled.getString("disabledReason").contains("410"), disabled.encode());
      assertEquals(1, gone.deliveries().size(), "no retry after 410");
      scim.post("/Users", user("bob@example.com"));
      healthy.awaitSucceeded(PATIENCE, 2);
      assertEquals(1, gone.deliveries().size(), "a disabled endpoint gets no new events");
      assertEquals(1, hooks.deliveries(goneEndpoint.id(), "").getInteger("totalResults"));
    }
  }

  @Test
  void anEndpointFailingForTheWholePeriodIsDisabledAndItsEventsReplayFromDeadLetters() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start(n -> Reply.status(500))) {
      Registered endpoint = hooks.register(receiver.url());
      for (String name : List.of("ada", "bob", "cy")) {
        assertEquals(201, scim.post("/Users", user(name + "@example.com")).status());
      }

      JsonObject disabled = hooks.await(endpoint.id(), e -> !e.getBoolean("enabled"));
      assertTrue(disabled.getString("disabledReason").contains("failing for longer than"), disabled.encode());
      assertEquals(3, disabled.getLong("deadLetters"), disabled.encode());
      assertEquals(0, disabled.getLong("pendingDeliveries"));
      Set<String> failedIds = receiver.deliveries().stream().map(Delivery::id).collect(Collectors.toSet());
      assertEquals(3, failedIds.size(), "every event was tried");
      assertFalse(receiver.deliveries().stream().anyMatch(Delivery::succeeded));
      assertScimError(400, hooks.replay(endpoint.id(), new JsonObject().put("deadLetters", true)));

      receiver.behave(n -> Reply.ok());
      Response enabled = hooks.update(endpoint.id(), new JsonObject().put("enabled", true));
      assertEquals(200, enabled.status(), enabled.toString());
      assertEquals(3, hooks.replayed(endpoint.id(), new JsonObject().put("deadLetters", true)));

      List<Delivery> replayed = receiver.awaitSucceeded(PATIENCE, 3);
      assertEquals(failedIds, replayed.stream().map(Delivery::id).collect(Collectors.toSet()),
          "dead letters keep their webhook-id");
      JsonObject settled = hooks.awaitSettled(endpoint.id());
      assertEquals(0, settled.getLong("deadLetters"), settled.encode());
      assertTrue(settled.getBoolean("enabled"));
    }
  }

  private static Duration gap(List<Delivery> attempts, int i) {
    return Duration.between(attempts.get(i - 1).receivedAt(), attempts.get(i).receivedAt());
  }

  private static List<Object> column(JsonArray rows, String field) {
    return rows.stream().map(row -> ((JsonObject) row).getValue(field)).toList();
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }
}
