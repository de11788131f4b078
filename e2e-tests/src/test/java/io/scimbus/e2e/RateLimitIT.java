package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A gateway replica with a low per-tenant limit answers 429 with Retry-After, per tenant. */
class RateLimitIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final int BURST = 3;
  private static final int BULK_BURST = 5;

  @Test
  void overTheLimitIsTooManyRequestsWithRetryAfter() {
    String gateway = CLUSTER.startExtraGateway(new JsonObject()
        .put(ConfigKeys.RATE_LIMIT_PER_SECOND, 1)
        .put(ConfigKeys.RATE_LIMIT_BURST, BURST));
    ScimClient tenant = CLUSTER.newTenant();
    ScimClient limited = new ScimClient(gateway + "/scim/v2/" + tenant.tenant(), tenant.token(), tenant.tenant());

    int ok = 0;
    int throttled = 0;
    for (int i = 0; i < 12; i++) {
      Response response = limited.get("/Users");
      if (response.status() == 429) {
        throttled++;
        assertTrue(Integer.parseInt(response.header("Retry-After")) >= 1, response.header("Retry-After"));
        assertEquals("429", response.json().getString("status"));
        assertEquals("application/scim+json", response.header("Content-Type"));
      } else {
        assertEquals(200, response.status(), response.toString());
        ok++;
      }
    }
    assertTrue(ok >= BURST, "the burst passes: " + ok);
    assertTrue(throttled >= 5, "only " + throttled + " of 12 throttled");

    ScimClient other = CLUSTER.newTenant();
    Response otherTenant = new ScimClient(gateway + "/scim/v2/" + other.tenant(), other.token(), other.tenant())
        .get("/Users");
    assertEquals(200, otherTenant.status(), "buckets are per tenant");
    assertEquals(200, tenant.get("/Users").status(), "the default limit of the main gateway is far above this");
  }

  @Test
  void aBulkCostsOneRequestPerOperationAndOverTheBudgetRunsNothing() {
    String gateway = CLUSTER.startExtraGateway(new JsonObject()
        .put(ConfigKeys.RATE_LIMIT_PER_SECOND, "0.2")
        .put(ConfigKeys.RATE_LIMIT_BURST, BULK_BURST));
    ScimClient tenant = CLUSTER.newTenant();
    ScimClient limited = new ScimClient(gateway + "/scim/v2/" + tenant.tenant(), tenant.token(), tenant.tenant());

    Response first = limited.post("/Bulk", bulkOfUsers("a", BULK_BURST));
    assertEquals(200, first.status(), first.toString());
    Response afterBulk = limited.get("/Users");
    assertEquals(429, afterBulk.status(), "the bulk used the whole burst: " + afterBulk);

    Response second = limited.post("/Bulk", bulkOfUsers("b", BULK_BURST));
    assertEquals(429, second.status(), second.toString());
    assertTrue(Integer.parseInt(second.header("Retry-After")) >= 1, second.header("Retry-After"));
    assertEquals("application/scim+json", second.header("Content-Type"));
    assertEquals("429", second.json().getString("status"));
    assertEquals(BULK_BURST, tenant.get("/Users").json().getInteger("totalResults"), "the refused bulk ran nothing");
  }

  private static JsonObject bulkOfUsers(String prefix, int count) {
    JsonArray operations = new JsonArray();
    for (int i = 0; i < count; i++) {
      operations.add(new JsonObject().put("method", "POST").put("path", "/Users").put("bulkId", prefix + i)
          .put("data", new JsonObject().put("userName", prefix + i + "@example.com")));
    }
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:BulkRequest"))
        .put("Operations", operations);
  }
}
