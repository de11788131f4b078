package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A dead service makes the gateway answer 503 at once, never hang, and the suite recovers when it rejoins. */
class ServiceOutageIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void deadUsersServiceIsServiceUnavailableThenRecovers() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals(201, scim.post("/Users", new JsonObject().put("userName", "before@example.com")).status());

    CLUSTER.stop(ScimbusCluster.USERS);
    try {
      long started = System.nanoTime();
      Response down = scim.post("/Users", new JsonObject().put("userName", "during@example.com"));
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      assertEquals(503, down.status(), down.toString());
      assertEquals("503", down.json().getString("status"));
      assertNotNull(down.header("Retry-After"));
      assertTrue(elapsedMs < 5_000, "503 took " + elapsedMs + " ms");
    } finally {
      CLUSTER.restart(ScimbusCluster.USERS);
    }

    Response after = scim.post("/Users", new JsonObject().put("userName", "after@example.com"));
    assertEquals(201, after.status(), after.toString());
  }
}
