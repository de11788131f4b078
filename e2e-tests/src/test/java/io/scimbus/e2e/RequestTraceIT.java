package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.LogCapture;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A client's X-Request-Id follows its request: gateway access log, the service's log line, the event. */
class RequestTraceIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @Test
  void requestIdAppearsInAccessLogServiceLogAndEvent() {
    ScimClient scim = CLUSTER.newTenant();
    String requestId = "trace-" + UUID.randomUUID();
    try (LogCapture logs = LogCapture.start()) {
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
      assertFalse(logs.lines().stream().anyMatch(line -> line.contains(scim.token())), "a log line holds the token");
    }
  }

  private static JsonObject firstLine(LogCapture logs, String requestId, Predicate<JsonObject> filter) {
    return Eventually.await(PATIENCE,
        () -> logs.json(line -> requestId.equals(line.getString("requestId")) && filter.test(line)),
        lines -> !lines.isEmpty()).get(0);
  }
}
