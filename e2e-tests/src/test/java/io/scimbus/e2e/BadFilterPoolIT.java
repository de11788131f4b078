package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A filter that parses but names nothing (or compares the wrong type) is the client's 400, and it must cost the
 * service no connection: more of them than the pool holds still leave every other tenant served at once.
 */
class BadFilterPoolIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final List<String> COMPILE_ERRORS = List.of("nosuch eq \"x\"", "userName gt 5",
      "meta.created gt \"notadate\"", "emails[nosuch eq \"x\"]");

  @Test
  void filtersThatDoNotCompileNeverHoldAConnection() throws Exception {
    ScimClient noisy = CLUSTER.newTenant();
    int rounds = CLUSTER.config().integer(ConfigKeys.PG_POOL_SIZE) + 1;
    for (int i = 0; i < rounds; i++) {
      for (String filter : COMPILE_ERRORS) {
        assertEquals("invalidFilter", assertScimError(400, noisy.get("/Users" + query("filter", filter)))
            .getString("scimType"), filter);
        JsonObject search = new JsonObject().put("schemas",
            new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:SearchRequest")).put("filter", filter);
        assertEquals("invalidFilter", assertScimError(400, noisy.post("/Users/.search", search))
            .getString("scimType"), filter);
        assertScimError(400, noisy.get("/Groups" + query("filter", filter)));
      }
    }

    ScimClient quiet = CLUSTER.newTenant();
    assertEquals(201, quiet.post("/Users", new JsonObject().put("userName", "quiet@example.com")).status());
    assertEquals(1, assertOk(quiet.get("/Users" + query("filter", "userName eq \"quiet@example.com\"")))
        .getInteger("totalResults"));
    assertEquals(200, ready(ScimbusCluster.USERS), "users-service stays ready");
  }

  private static int ready(String service) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + CLUSTER.member(service).healthPort() + HealthServer.READY);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
