package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.SCIM_JSON;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** HTTP rules of the gateway: media types, limits and error shapes for paths and methods it does not serve. */
class GatewayHttpIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void applicationJsonWithCharsetIsAcceptedAndAnsweredAsScimJson() {
    ScimClient scim = CLUSTER.newTenant();
    Response created = RawHttp.send("POST", scim.baseUrl() + "/Users", user("json@example.com"),
        "Authorization", bearer(scim), "Content-Type", "application/json; charset=utf-8", "Accept", "application/json");
    assertEquals(201, created.status(), created.toString());
    assertEquals(SCIM_JSON, created.header("Content-Type"));

    Response fetched = RawHttp.send("GET", created.header("Location"), null,
        "Authorization", bearer(scim), "Accept", "text/html");
    assertEquals(200, fetched.status(), fetched.toString());
    assertEquals(SCIM_JSON, fetched.header("Content-Type"));
  }

  @Test
  void scimJsonWithParametersAndMissingContentTypeAreAccepted() {
    ScimClient scim = CLUSTER.newTenant();
    Response withCharset = RawHttp.send("POST", scim.baseUrl() + "/Users", user("charset@example.com"),
        "Authorization", bearer(scim), "Content-Type", "Application/SCIM+JSON;charset=UTF-8");
    assertEquals(201, withCharset.status(), withCharset.toString());
    Response without = RawHttp.send("POST", scim.baseUrl() + "/Users", user("bare@example.com"),
        "Authorization", bearer(scim));
    assertEquals(201, without.status(), without.toString());
  }

  @Test
  void otherContentTypesAreUnsupportedMediaType() {
    ScimClient scim = CLUSTER.newTenant();
    for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
      assertScimError(415, RawHttp.send("POST", scim.baseUrl() + "/Users", user("x@example.com"),
          "Authorization", bearer(scim), "Content-Type", type));
    }
    assertScimError(415, RawHttp.send("POST", scim.baseUrl() + "/Bulk", "{}".getBytes(StandardCharsets.UTF_8),
        "Authorization", bearer(scim), "Content-Type", "text/plain"));
  }

  @Test
  void bodyOverTheLimitIsPayloadTooLarge() {
    ScimClient scim = CLUSTER.newTenant();
    byte[] padding = new byte[11 * 1024 * 1024];
    Arrays.fill(padding, (byte) 'a');
    String body = "{\"userName\":\"big@example.com\",\"displayName\":\"" + new String(padding, StandardCharsets.US_ASCII)
        + "\"}";
    Response tooLarge = RawHttp.send("POST", scim.baseUrl() + "/Users", body.getBytes(StandardCharsets.US_ASCII),
        "Authorization", bearer(scim), "Content-Type", SCIM_JSON);
    assertScimError(413, tooLarge);
  }

  @Test
  void unknownPathIsScimNotFound() {
    ScimClient scim = CLUSTER.newTenant();
    assertScimError(404, scim.get("/Devices"));
    assertScimError(404, scim.get("/Users/1/extra"));
    assertScimError(404, RawHttp.send("GET", CLUSTER.gatewayUrl() + "/nothing-here", null));
  }

  @Test
  void wrongMethodIsScimMethodNotAllowed() {
    ScimClient scim = CLUSTER.newTenant();
    assertScimError(405, scim.delete("/Users"));
    assertScimError(405, scim.put("/ServiceProviderConfig", new JsonObject()));
    assertScimError(405, scim.get("/Bulk"));
  }

  @Test
  void missingOrInvalidTokenIsUnauthorizedWithBearerChallenge() {
    ScimClient scim = CLUSTER.newTenant();
    for (Response response : new Response[] {scim.withToken(null).get("/Users"), scim.withToken("x.y.z").get("/Users")}) {
      assertScimError(401, response);
      assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), response.header("WWW-Authenticate"));
    }
  }

  @Test
  void malformedJsonIsInvalidSyntax() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals("invalidSyntax", assertScimError(400, scim.send("POST", "/Bulk", "[1,")).getString("scimType"));
    assertEquals("invalidSyntax", assertScimError(400, scim.send("POST", "/Users", "[]")).getString("scimType"));
  }

  private static byte[] user(String userName) {
    return new JsonObject().put("userName", userName).encode().getBytes(StandardCharsets.UTF_8);
  }

  private static String bearer(ScimClient scim) {
    return "Bearer " + CLUSTER.tokenFor(scim.tenant());
  }
}
