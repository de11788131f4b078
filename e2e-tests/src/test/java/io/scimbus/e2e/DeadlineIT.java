package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.group;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A 503 means nothing happened: the service gives up before the gateway stops waiting, so a write that cannot
 * finish in time is rolled back, never committed behind the client's back. The test makes writes wait on a lock it
 * holds, through a gateway replica whose bus timeout is short.
 */
class DeadlineIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String HURRIED_GATEWAY = CLUSTER.startExtraGateway(
      new JsonObject().put(ConfigKeys.BUS_TIMEOUT_MS, 2_000));
  // Long enough for any timeout the services set from a 2 s deadline; before the fix the waiter never left.
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test
  void aUserWriteThatCannotFinishInTimeIs503AndChangesNothing() {
    ScimClient scim = CLUSTER.newTenant();
    String id = scim.post("/Users", new JsonObject().put("userName", "late@example.com")).json().getString("id");
    ScimClient hurried = hurried(scim);

    try (HeldLock row = new HeldLock("SELECT 1 FROM scim_users WHERE tenant_id = $1 AND id = $2 FOR UPDATE",
        Tuple.of(scim.tenant(), UUID.fromString(id)))) {
      Response refused = hurried.patch("/Users/" + id, patch(op("replace", "displayName", "Too Late")));
      assertScimError(503, refused);
      assertNotNull(refused.header("Retry-After"), refused.toString());
      row.awaitNoWaiters(PATIENCE);
    }

    JsonObject stored = assertOk(scim.get("/Users/" + id));
    assertNull(stored.getString("displayName"), "the refused write was rolled back");
    assertEquals("W/\"1\"", stored.getJsonObject("meta").getString("version"));
    Response normal = hurried.patch("/Users/" + id, patch(op("replace", "displayName", "On Time")));
    assertEquals("W/\"2\"", assertOk(normal).getJsonObject("meta").getString("version"));
  }

  @Test
  void aLargeGroupCreateThatCannotFinishInTimeIs503AndLeavesNoGroup() {
    ScimClient scim = CLUSTER.newTenant();
    ScimClient hurried = hurried(scim);
    String[] members = IntStream.range(0, 1_000).mapToObj(i -> "member-" + i).toArray(String[]::new);

    try (HeldLock table = new HeldLock("LOCK TABLE scim_groups IN SHARE MODE", Tuple.tuple())) {
      Response refused = hurried.post("/Groups", group("Too Late", members));
      assertScimError(503, refused);
      assertNotNull(refused.header("Retry-After"), refused.toString());
      table.awaitNoWaiters(PATIENCE);
    }

    assertEquals(0, assertOk(scim.get("/Groups" + query("filter", "displayName eq \"Too Late\"")))
        .getInteger("totalResults"), "a 503 left no group behind for a retry to duplicate");
    assertEquals(201, hurried.post("/Groups", group("On Time", members)).status());
  }

  private static ScimClient hurried(ScimClient client) {
    return new ScimClient(HURRIED_GATEWAY + "/scim/v2/" + client.tenant(), client.token(), client.tenant());
  }
}
