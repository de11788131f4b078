package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.testsupport.LogCapture;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A client's X-Request-Id follows its request: gateway access log, the service's log line, the event, and the
 * webhook delivery the event caused.
 */
class RequestTraceIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void requestIdAppearsInAccessLogServiceLogAndEvent() {
    ScimClient scim = CLUSTER.newTenant();
    String requestId = "trace-" + UUID.randomUUID();
    try (LogCapture logs = LogCapture.start(); WebhookReceiver receiver = WebhookReceiver.start()) {
      new Webhooks(CLUSTER, scim.tenant()).register(receiver.url());
      Response created = scim.send("POST", "/Users", new JsonObject()
          .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
          .put("userName", "trace@example.com").encode(), Map.of("X-Request-Id", requestId));
      assertEquals(201, created.status(), created.toString());
      assertEquals(requestId, created.header("X-Request-Id"));

      JsonObject access = firstLine(logs, requestId, line -> "scimbus.access".equals(line.getString("logger")));
      assertEquals(ScimbusCluster.GATEWAY, access.getString("service"));
      assertEquals(scim.tenant(), access.getString("tenant"));
      assertEquals("POST", access.getString("method"));
      assertEquals("/scim/v2/:tenant/Users", access.getString("route"));
      assertEquals("201", access.getString("status"));
      assertTrue(Double.parseDouble(access.getString("latencyMs")) >= 0, access.encode());
      assertEquals("INFO", access.getString("level"));
      assertTrue(access.containsKey("time"), access.encode());

      JsonObject handled = firstLine(logs, requestId, line -> ScimbusCluster.USERS.equals(line.getString("service")));
      assertEquals(scim.tenant(), handled.getString("tenant"));
      assertEquals("create", handled.getString("action"));

      JsonObject event = new NotifierEvents(CLUSTER, scim.tenant()).await(created.json().getString("id"));
      assertEquals(requestId, event.getString("requestId"));
      Delivery delivery = receiver.awaitSucceeded(PATIENCE, 1).get(0);
      assertEquals(requestId, delivery.requestId(), "the delivery's X-Request-Id header");
      assertEquals(requestId, delivery.json().getString("requestId"));
      assertFalse(logs.lines().stream().anyMatch(line -> line.contains(scim.token())), "a log line holds the token");
    }
  }

  @Test
  void everyServiceLineCarriesTheIdOfItsOwnRequest() {
    ScimClient scim = CLUSTER.newTenant();
    Map<String, String> sent = new LinkedHashMap<>();
    try (LogCapture logs = LogCapture.start()) {
      for (int i = 0; i < 6; i++) {
        String created = send(scim, sent, "create", "POST", "/Users", user("many" + i + "@example.com"), 201)
            .json().getString("id");
        send(scim, sent, "get", "GET", "/Users/" + created, null, 200);
        send(scim, sent, "patch", "PATCH", "/Users/" + created, new JsonObject()
            .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
            .put("Operations", new JsonArray().add(new JsonObject().put("op", "replace").put("path", "displayName")
                .put("value", "Many " + i))), 200);
        send(scim, sent, "list", "GET", "/Users?filter=userName%20eq%20%22many" + i + "%40example.com%22", null, 200);
      }
      Predicate<JsonObject> handledForTenant = line -> ScimbusCluster.USERS.equals(line.getString("service"))
          && scim.tenant().equals(line.getString("tenant")) && line.containsKey("action");
      List<JsonObject> handled = Eventually.await(PATIENCE, () -> logs.json(handledForTenant),
          lines -> lines.size() >= sent.size());
      Map<String, String> logged = new LinkedHashMap<>();
      handled.forEach(line -> logged.merge(line.getString("requestId"), line.getString("action"),
          (a, b) -> a + "," + b));
      assertEquals(sent, logged, "request id -> action of the users-service line");
      Map<String, String> accessLogged = new LinkedHashMap<>();
      logs.json(line -> "scimbus.access".equals(line.getString("logger"))
              && scim.tenant().equals(line.getString("tenant")))
          .forEach(line -> accessLogged.merge(line.getString("requestId"), line.getString("route"), (a, b) -> a + b));
      assertEquals(sent.keySet(), accessLogged.keySet(), "one gateway access line per request, with its id");
      List<JsonObject> users = logs.json(line -> ScimbusCluster.USERS.equals(line.getString("service"))
          && scim.tenant().equals(line.getString("tenant")));
      assertTrue(users.stream().allMatch(line -> sent.containsKey(line.getString("requestId"))), users.toString());
    }
  }

  private static Response send(ScimClient scim, Map<String, String> sent, String action, String method, String path,
      JsonObject body, int expected) {
    String requestId = "many-" + action + "-" + UUID.randomUUID();
    Response response = scim.send(method, path, body == null ? null : body.encode(),
        Map.of("X-Request-Id", requestId));
    assertEquals(expected, response.status(), response.toString());
    sent.put(requestId, action);
    return response;
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName);
  }

  private static JsonObject firstLine(LogCapture logs, String requestId, Predicate<JsonObject> filter) {
    return Eventually.await(PATIENCE,
        () -> logs.json(line -> requestId.equals(line.getString("requestId")) && filter.test(line)),
        lines -> !lines.isEmpty()).get(0);
  }
}
