package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.users.UsersMain;
import io.vertx.core.Future;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SIGTERM's order on a second users-service replica: readiness DOWN while it still serves, then it leaves. */
class GracefulShutdownIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void readinessGoesDownFirstThenTheMemberLeaves() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    ServiceConfig config = new ServiceConfig(CLUSTER.config().toJson().put(ConfigKeys.SHUTDOWN_DELAY_MS, 3000));
    ServiceRunner.Running replica = ServiceRunner.start(config, List.of(UsersMain.DEFINITION))
        .await(120, TimeUnit.SECONDS);
    String nodeId = ((VertxInternal) replica.vertx()).clusterManager().getNodeId();
    assertEquals(200, ready(replica.healthPort()).statusCode());

    Future<Void> stopped = replica.shutdown();
    HttpResponse<String> down = Eventually.await(PATIENCE, () -> ready(replica.healthPort()),
        response -> response.statusCode() == 503);
    assertTrue(down.body().contains("accepting"), down.body());
    assertTrue(members().contains(nodeId), "still a member while readiness is DOWN");
    for (int i = 0; i < 4; i++) {
      assertEquals(201, scim.post("/Users", user("drain" + i + "@example.com")).status(), "requests still served");
    }

    stopped.await(60, TimeUnit.SECONDS);
    Eventually.await(PATIENCE, GracefulShutdownIT::members, nodes -> !nodes.contains(nodeId));
    assertEquals(201, scim.post("/Users", user("after@example.com")).status(), "the other replica serves");
  }

  private static List<String> members() {
    return ((VertxInternal) CLUSTER.member(ScimbusCluster.GATEWAY).vertx()).clusterManager().getNodes();
  }

  private static HttpResponse<String> ready(int port) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + HealthServer.READY))
          .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName);
  }
}
