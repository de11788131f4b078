package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.ERROR;
import static io.scimbus.e2e.ScimAssertions.SCIM_JSON;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the gateway refuses at the edge, before any service sees it: hostile bodies, URIs and request heads. */
class GatewayInputIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void malformedUtf8IsInvalidSyntaxAndNothingIsStored() {
    ScimClient scim = CLUSTER.newTenant();
    byte[][] sequences = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF}, {(byte) 0xC3}};
    for (byte[] sequence : sequences) {
      Response refused = RawHttp.send("POST", scim.baseUrl() + "/Users", userNameWith(sequence),
          "Authorization", "Bearer " + scim.token(), "Content-Type", SCIM_JSON);
      assertEquals("invalidSyntax", assertScimError(400, refused).getString("scimType"), refused.toString());
    }
    Response loneSurrogate = scim.send("POST", "/Users", "{\"userName\":\"a\\ud800b@example.com\"}");
    assertEquals("invalidSyntax", assertScimError(400, loneSurrogate).getString("scimType"));
    assertEquals(0, assertOk(scim.get("/Users")).getInteger("totalResults"), "nothing was stored");

    Response pair = scim.send("POST", "/Users", "{\"userName\":\"smile\\ud83d\\ude00@example.com\"}");
    assertEquals(201, pair.status(), pair.toString());
    assertEquals("smile\uD83D\uDE00@example.com", pair.json().getString("userName"));
  }

  @Test
  void commentsAndOtherExtensionsOfJsonAreInvalidSyntax() {
    ScimClient scim = CLUSTER.newTenant();
    for (String body : new String[] {"{\"userName\":\"c@example.com\" /* c */}", "{\"userName\":'c@example.com'}",
        "{\"userName\":\"c@example.com\",\"userName\":\"d@example.com\"}", "{\"userName\":\"c@example.com\"} x"}) {
      assertEquals("invalidSyntax", assertScimError(400, scim.send("POST", "/Users", body)).getString("scimType"),
          body);
    }
    assertEquals("invalidSyntax", assertScimError(400, scim.send("POST", "/Bulk", "{// c\n}")).getString("scimType"));
    assertEquals("invalidSyntax", assertScimError(400, CLUSTER.admin().send("POST", "/tenants",
        "{\"id\":\"commented\" /* c */}", Map.of())).getString("scimType"));
    assertEquals(0, assertOk(scim.get("/Users")).getInteger("totalResults"));
  }

  @Test
  void deepNestingAndHugeTokensAreInvalidSyntaxNotServerErrors() {
    ScimClient scim = CLUSTER.newTenant();
    for (int depth : new int[] {33, 100_000}) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      JsonObject error = assertScimError(400, scim.send("POST", "/Users", "{\"userName\":\"n@example.com\",\"x\":"
          + nested + "}"));
      assertEquals("invalidSyntax", error.getString("scimType"));
      assertTrue(error.getString("detail").contains("deeper than 32 levels"), error.encode());
      assertScimError(400, scim.send("POST", "/Bulk", nested));
      assertScimError(400, CLUSTER.admin().send("PUT", "/tenants/" + scim.tenant() + "/profile", nested,
          Map.of()));
    }
    String huge = "{\"userName\":\"h@example.com\",\"displayName\":\"" + "x".repeat(300_000) + "\"}";
    JsonObject error = assertScimError(400, scim.send("POST", "/Users", huge));
    assertTrue(error.getString("detail").contains("longer than 262144 characters"), error.encode());
    assertScimError(400, scim.send("POST", "/Users", "{\"userName\":\"h@example.com\",\"x\":1" + "0".repeat(200)
        + "}"));
    assertEquals(0, assertOk(scim.get("/Users")).getInteger("totalResults"));
  }

  @Test
  void controlCharactersInQueryParametersAndPathsAreRefusedBeforeAnyService() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals("invalidFilter", assertScimError(400, scim.get("/Users?filter=userName%20eq%20%22a%00b%22"))
        .getString("scimType"));
    assertEquals("invalidFilter", assertScimError(400, scim.get("/Groups?filter=displayName%20eq%20%22%01%22"))
        .getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.get("/Users?attributes=userName%00"))
        .getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.get("/Users?sortBy=%1b")).getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.get("/Users/abc%00def")).getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.delete("/Groups/%7f")).getString("scimType"));
    Response log = CLUSTER.admin().get("/tenants/" + scim.tenant() + "/provisioning-log?userId=%00");
    assertEquals("invalidValue", assertScimError(400, log).getString("scimType"));
    assertScimError(400, CLUSTER.admin().get("/tenants/" + scim.tenant() + "/provisioning-log?userName=a%0Ab"));
  }

  @Test
  void malformedPercentEncodingAndInvalidUtf8InTheUriAreRefused() {
    ScimClient scim = CLUSTER.newTenant();
    String users = "/scim/v2/" + scim.tenant() + "/Users";
    assertRawScimError(400, "invalidFilter", RawSocket.get(CLUSTER.gatewayUrl(), users + "?filter=%zz", scim.token()));
    assertRawScimError(400, "invalidValue", RawSocket.get(CLUSTER.gatewayUrl(), users + "?count=%C0%AF",
        scim.token()));
    assertRawScimError(400, "invalidValue", RawSocket.get(CLUSTER.gatewayUrl(), users + "/%ED%A0%80", scim.token()));
    assertRawScimError(400, "invalidValue", RawSocket.get(CLUSTER.gatewayUrl(), users + "/%", scim.token()));
  }

  @Test
  void oversizedAndMalformedRequestHeadsGetScimErrorBodies() {
    ScimClient scim = CLUSTER.newTenant();
    Response uriTooLong = scim.get("/Users?filter=" + "a".repeat(9000));
    assertScimError(414, uriTooLong);
    assertEquals("the request line is longer than 8192 bytes", uriTooLong.json().getString("detail"));
    Response headersTooLarge = RawHttp.send("GET", scim.baseUrl() + "/Users", null,
        "Authorization", "Bearer " + scim.token(), "X-Padding", "p".repeat(9000));
    assertScimError(431, headersTooLarge);
    RawSocket.Reply malformed = RawSocket.send(CLUSTER.gatewayUrl(),
        "GET /scim/v2/x/Users HTTP/1.1\r\nHost: localhost\r\nno colon in this header\r\nConnection: close\r\n\r\n");
    assertRawScimError(400, "invalidSyntax", malformed);
    assertEquals(200, scim.get("/Users").status(), "the gateway serves on");
  }

  @Test
  void wrongTypedAdminFieldsNameTheFieldAndNoInternals() {
    ScimClient admin = CLUSTER.admin();
    ScimClient scim = CLUSTER.newTenant();
    String profile = "/tenants/" + scim.tenant() + "/profile";
    JsonObject before = admin.get(profile).json();
    JsonObject[] refusedProfiles = {
        new JsonObject().put("garbage", true),
        new JsonObject().put("preset", 5),
        new JsonObject().put("preset", "standard").put("users", new JsonObject()),
        new JsonObject().put("userExtensions", new JsonArray().add(new JsonObject().put("id", "urn:x:y")
            .put("attributes", 5))),
        new JsonObject().put("users", new JsonObject().put("rejectOthers", "yes")),
        new JsonObject().put("description", 7)};
    String[] fields = {"garbage", "preset", "preset", "userExtensions[0].attributes", "users.rejectOthers",
        "description"};
    for (int i = 0; i < refusedProfiles.length; i++) {
      JsonObject error = assertScimError(400, admin.put(profile, refusedProfiles[i]));
      assertEquals("invalidValue", error.getString("scimType"), error.encode());
      assertTrue(error.getString("detail").contains(fields[i]), error.encode());
      assertFalse(error.getString("detail").contains("java."), error.encode());
    }
    assertEquals(before, admin.get(profile).json(), "nothing was stored");

    String id = "typo-" + scim.tenant().substring(2, 12);
    JsonObject misspelt = assertScimError(400, admin.post("/tenants", new JsonObject().put("id", id)
        .put("profle", "minimal-users")));
    assertTrue(misspelt.getString("detail").contains("profle"), misspelt.encode());
    assertEquals(404, admin.get("/tenants/" + id).status(), "no tenant was created");
    assertScimError(400, admin.post("/tenants", new JsonObject().put("id", id).put("profile", 5)));
    assertScimError(400, admin.patch("/tenants/" + scim.tenant(), new JsonObject().put("displayName", "x")
        .put("profile", "standard")));
  }

  private static void assertRawScimError(int status, String scimType, RawSocket.Reply reply) {
    assertEquals(status, reply.status(), reply.toString());
    assertEquals(SCIM_JSON, reply.contentType(), reply.toString());
    JsonObject body = reply.json();
    assertEquals(new JsonArray().add(ERROR), body.getJsonArray("schemas"));
    assertEquals(Integer.toString(status), body.getString("status"));
    assertEquals(scimType, body.getString("scimType"), reply.toString());
  }

  private static byte[] userNameWith(byte[] sequence) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"userName\":\"u".getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(sequence);
    body.writeBytes("x@example.com\"}".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }
}
