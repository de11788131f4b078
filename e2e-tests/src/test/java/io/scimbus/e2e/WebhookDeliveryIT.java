package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.group;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.EventTypes;
import io.scimbus.e2e.Webhooks.Registered;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.EventSchemas;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
import io.scimbus.testsupport.WebhookReceiver.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: SCIM writes through the gateway, events through the outbox and Kafka, notifier-service
 * delivering to real HTTP receivers on loopback, and the admin API an operator uses.
 */
class WebhookDeliveryIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final Duration PATIENCE = Webhooks.PATIENCE;
  // a gateway that gives up after 2 s, so a write waiting on a lock the test holds is rolled back (see DeadlineIT)
  private static final String HURRIED_GATEWAY = CLUSTER.startExtraGateway(
      new JsonObject().put(ConfigKeys.BUS_TIMEOUT_MS, 2_000));

  @Test
  void everyCommittedChangeReachesEachMatchingEndpointOnceAndARefusedOrRolledBackOneNone() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver all = WebhookReceiver.start(); WebhookReceiver some = WebhookReceiver.start()) {
      Registered toAll = hooks.register(all.url());
      Registered toSome = hooks.register(some.url(), EventTypes.USER_CREATED, EventTypes.USER_DEACTIVATED,
          EventTypes.GROUP_CREATED);

      String taken = created(scim.post("/Users", user("taken@example.com")));
      String ada = created(scim.post("/Users", user("ada@example.com")));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "displayName", "Ada"))));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "active", false))));
      String engineers = created(scim.post("/Groups", group("Engineers", ada)));
      assertScimError(409, scim.patch("/Users/" + ada, patch(op("replace", "userName", "taken@example.com"))));
      assertScimError(412, scim.send("PATCH", "/Users/" + ada, patch(op("replace", "displayName", "Stale")).encode(),
          Map.of("If-Match", "W/\"1\"")));
      assertScimError(400, scim.patch("/Users/" + ada, patch(op("replace", "active", "maybe"))));
      rolledBackWrite(scim, ada);
      // one resource's events arrive in order: once this one is in, any event of the writes above would be too
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "displayName", "Ada L."))));
      assertEquals(204, scim.delete("/Users/" + taken).status());

      Set<String> expected = Set.of(EventTypes.USER_CREATED + " " + taken + " 1",
          EventTypes.USER_CREATED + " " + ada + " 1", EventTypes.USER_UPDATED + " " + ada + " 2",
          EventTypes.USER_DEACTIVATED + " " + ada + " 3", EventTypes.GROUP_CREATED + " " + engineers + " 1",
          EventTypes.USER_UPDATED + " " + ada + " 4", EventTypes.USER_DELETED + " " + taken + " 2");
      List<Delivery> toAllDeliveries = all.awaitSucceeded(PATIENCE, expected.size());
      hooks.awaitSettled(toAll.id());
      hooks.awaitSettled(toSome.id());

      assertEquals(expected, described(all.deliveries()), "one delivery per committed change, nothing else");
      assertEquals(Set.of(EventTypes.USER_CREATED + " " + taken + " 1", EventTypes.USER_CREATED + " " + ada + " 1",
          EventTypes.USER_DEACTIVATED + " " + ada + " 3", EventTypes.GROUP_CREATED + " " + engineers + " 1"),
          described(some.deliveries()), "only the subscribed types");
      assertEquals(expected.size(), all.deliveries().size(), "no duplicates");
      assertEquals(4, some.deliveries().size(), "no duplicates");
      assertTrue(toAllDeliveries.stream().allMatch(d -> d.verifiedBy(toAll.secret())), "signed with its secret");
      assertTrue(some.deliveries().stream().allMatch(d -> d.verifiedBy(toSome.secret())));
      assertFalse(some.deliveries().get(0).verifiedBy(toAll.secret()), "each endpoint has its own secret");
      assertEquals("Ada L.", toAllDeliveries.stream().filter(d -> d.json().getLong("version") == 4).findFirst()
          .orElseThrow().json().getJsonObject("data").getString("displayName"));

      JsonObject log = hooks.deliveries(toAll.id(), "");
      assertEquals(expected.size(), log.getInteger("totalResults"), log.encode());
      for (Object attempt : log.getJsonArray("Resources")) {
        JsonObject a = (JsonObject) attempt;
        assertEquals("success", a.getString("outcome"), a.encode());
        assertEquals(200, a.getInteger("httpStatus"));
        assertEquals(1, a.getInteger("attempt"));
      }
    }
  }

  @Test
  void aDeliveryIsTheDocumentedEnvelopeWithStandardWebhooksHeaders() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Registered endpoint = hooks.register(receiver.url());
      Response created = scim.post("/Users", user("grace@example.com"));
      Instant before = Instant.now();

      Delivery delivery = receiver.awaitSucceeded(PATIENCE, 1).get(0);
      JsonObject body = delivery.json();
      assertEquals(Set.of("type", "timestamp", "data", "eventId", "tenant", "resourceType", "resourceId",
          "version", "requestId"), body.fieldNames());
      assertEquals(EventTypes.USER_CREATED, body.getString("type"));
      assertEquals(delivery.id(), body.getString("eventId"), "webhook-id is the event id");
      UUID.fromString(delivery.id());
      assertEquals(scim.tenant(), body.getString("tenant"));
      assertEquals("User", body.getString("resourceType"));
      assertEquals(created.json().getString("id"), body.getString("resourceId"));
      assertEquals(1, body.getLong("version"));
      assertEquals(created.header("X-Request-Id"), body.getString("requestId"));
      assertFalse(Instant.parse(body.getString("timestamp")).isAfter(before), "when the change happened");
      assertEquals("grace@example.com", body.getJsonObject("data").getString("userName"));
      long sentAt = Long.parseLong(delivery.timestamp());
      assertTrue(Math.abs(sentAt - delivery.receivedAt().getEpochSecond()) <= 2, "webhook-timestamp is the send");
      assertEquals(1, delivery.signatureCount());
      assertTrue(delivery.signature().startsWith("v1,"), delivery.signature());
      assertTrue(delivery.verifiedBy(endpoint.secret()));
    }
  }

  @Test
  void everyEventTypeArrivesAsTheCatalogueSchemaOfItsTypeSays() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Registered endpoint = hooks.register(receiver.url());
      String ada = created(scim.post("/Users", user("ada@example.com")));
      String bob = created(scim.post("/Users", user("bob@example.com")));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "displayName", "Ada"))));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "active", false))));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "active", true))));
      String group = created(scim.post("/Groups", group("Engineers", ada)));
      assertEquals(204, scim.patch("/Groups/" + group, patch(op("add", "members",
          new JsonArray().add(new JsonObject().put("value", bob))))).status());
      assertEquals(204, scim.delete("/Groups/" + group).status());
      assertEquals(204, scim.delete("/Users/" + bob).status());
      assertEquals(200, hooks.test(endpoint.id()).status());

      List<Delivery> delivered = receiver.awaitSucceeded(PATIENCE, 10);
      Set<String> types = delivered.stream().map(d -> d.json().getString("type")).collect(Collectors.toSet());
      Set<String> catalogue = new HashSet<>(EventTypes.SUBSCRIBABLE);
      // the portal behaviours' types need portal settings; PortalBehavioursIT and PortalMdmIT check them
      EventTypes.PORTAL.forEach(catalogue::remove);
      catalogue.add(EventTypes.WEBHOOK_TEST);
      assertEquals(catalogue, types);
      EventSchemas schemas = new EventSchemas();
      for (Delivery delivery : delivered) {
        OutputUnit result = schemas.validate(delivery.json());
        assertTrue(result.getValid(), result.getErrors() + " in " + delivery.body());
      }
    }
  }

  @Test
  void afterARotationDeliveriesCarryTheNewAndTheOldSignatureForTheGracePeriod() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Registered endpoint = hooks.register(receiver.url());
      scim.post("/Users", user("before@example.com"));
      assertEquals(1, receiver.awaitSucceeded(PATIENCE, 1).get(0).signatureCount());

      Response rotated = hooks.rotateSecret(endpoint.id());
      assertEquals(200, rotated.status(), rotated.toString());
      String secret = rotated.json().getString("secret");
      assertTrue(secret.startsWith("whsec_"), secret);
      assertNotEquals(endpoint.secret(), secret);
      Duration grace = Duration.between(Instant.now(),
          Instant.parse(rotated.json().getString("previousSecretExpiresAt")));
      assertTrue(grace.compareTo(Duration.ofHours(23)) > 0 && grace.compareTo(Duration.ofHours(24)) <= 0,
          "default grace is 24 h: " + grace);
      assertFalse(hooks.get(endpoint.id()).containsKey("secret"), "a secret is shown only when made");

      scim.post("/Users", user("after@example.com"));
      Delivery delivery = receiver.awaitSucceeded(PATIENCE, 2).get(1);
      assertEquals(2, delivery.signatureCount(), delivery.signature());
      assertTrue(delivery.verifiedBy(secret), "a receiver already on the new secret");
      assertTrue(delivery.verifiedBy(endpoint.secret()), "a receiver still on the old secret");
    }
  }

  @Test
  void theTestActionSendsAWebhookTestEventNowAndAnswersWithTheAttempt() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Registered endpoint = hooks.register(receiver.url(), EventTypes.USER_DELETED);

      Response sent = hooks.test(endpoint.id());
      assertEquals(200, sent.status(), sent.toString());
      JsonObject attempt = sent.json();
      assertEquals("success", attempt.getString("outcome"));
      assertEquals(200, attempt.getInteger("httpStatus"));
      assertEquals(EventTypes.WEBHOOK_TEST, attempt.getString("eventType"));
      Delivery delivery = receiver.deliveries().get(0);
      assertEquals(attempt.getString("eventId"), delivery.id(), "received before the answer");
      assertEquals(EventTypes.WEBHOOK_TEST, delivery.json().getString("type"));
      assertEquals(endpoint.id(), delivery.json().getJsonObject("data").getString("endpointId"));
      assertTrue(delivery.verifiedBy(endpoint.secret()));

      receiver.behave(n -> Reply.status(500));
      JsonObject failed = hooks.test(endpoint.id()).json();
      assertEquals("failure", failed.getString("outcome"));
      assertEquals(500, failed.getInteger("httpStatus"));
      JsonObject log = hooks.deliveries(endpoint.id(), query("outcome", "failure"));
      assertEquals(1, log.getInteger("totalResults"), log.encode());
      assertEquals(failed.getString("eventId"), log.getJsonArray("Resources").getJsonObject(0).getString("eventId"));
    }
    String closed;
    try (WebhookReceiver gone = WebhookReceiver.start()) {
      closed = gone.url();
    }
    Registered unreachable = hooks.register(closed);
    JsonObject refused = hooks.test(unreachable.id()).json();
    assertEquals("failure", refused.getString("outcome"), refused.encode());
    assertEquals("connection-refused", refused.getString("error"));
  }

  @Test
  void replaySendsOneEventOrEverythingSinceAgainWithTheOriginalWebhookId() {
    ScimClient scim = CLUSTER.newTenant();
    Webhooks hooks = new Webhooks(CLUSTER, scim.tenant());
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      Registered endpoint = hooks.register(receiver.url());
      String ada = created(scim.post("/Users", user("ada@example.com")));
      assertOk(scim.patch("/Users/" + ada, patch(op("replace", "displayName", "Ada"))));
      List<Delivery> first = receiver.awaitSucceeded(PATIENCE, 2);
      Instant since = Instant.now();
      created(scim.post("/Users", user("bob@example.com")));
      Delivery bob = receiver.awaitSucceeded(PATIENCE, 3).get(2);
      hooks.awaitSettled(endpoint.id());
      Delivery adaCreated = first.stream().filter(d -> d.json().getLong("version") == 1).findFirst().orElseThrow();

      assertEquals(1, hooks.replayed(endpoint.id(), new JsonObject().put("eventId", adaCreated.id())));
      Delivery again = receiver.awaitSucceeded(PATIENCE, 4).get(3);
      assertEquals(adaCreated.id(), again.id(), "the original webhook-id, so receivers can drop it");
      assertEquals(adaCreated.json(), again.json());
      assertTrue(again.verifiedBy(endpoint.secret()));

      assertEquals(1, hooks.replayed(endpoint.id(), new JsonObject().put("since", since.toString())));
      assertEquals(bob.id(), receiver.awaitSucceeded(PATIENCE, 5).get(4).id());
      assertEquals(2, hooks.deliveries(endpoint.id(), query("eventId", adaCreated.id())).getInteger("totalResults"));

      assertScimError(400, hooks.replay(endpoint.id(), new JsonObject().put("since", "yesterday")));
      assertScimError(400, hooks.replay(endpoint.id(), new JsonObject()));
      assertScimError(404, hooks.replay(endpoint.id(), new JsonObject().put("eventId", UUID.randomUUID().toString())));
      hooks.awaitSettled(endpoint.id());
      assertEquals(5, receiver.deliveries().size(), "a refused replay sends nothing");
    }
  }

  /** A write that waits on a lock the test holds until the hurried gateway's deadline passes: 503, rolled back. */
  private static void rolledBackWrite(ScimClient scim, String id) {
    ScimClient hurried = new ScimClient(HURRIED_GATEWAY + "/scim/v2/" + scim.tenant(), scim.token(), scim.tenant());
    try (HeldLock row = new HeldLock("SELECT 1 FROM scim_users WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        Tuple.of(scim.tenant(), UUID.fromString(id)))) {
      assertScimError(503, hurried.patch("/Users/" + id, patch(op("replace", "displayName", "Too Late"))));
      row.awaitNoWaiters(PATIENCE);
    }
  }

  /** "type resourceId version" of each distinct delivered event. */
  private static Set<String> described(List<Delivery> deliveries) {
    return deliveries.stream().map(Delivery::json)
        .map(e -> e.getString("type") + " " + e.getString("resourceId") + " " + e.getLong("version"))
        .collect(Collectors.toSet());
  }

  private static String created(Response response) {
    assertEquals(201, response.status(), response.toString());
    return response.json().getString("id");
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }
}
