package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Hostile and clumsy attribute values over HTTP: wrong types, control characters, oversized strings and arrays
 * are 400 invalidValue naming the attribute, never 500, and store nothing; Entra's plain-string manager works.
 */
class AttributeValuesIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void wrongTypesAreRefusedNotCoerced() {
    ScimClient scim = CLUSTER.newTenant();
    for (Object userName : List.of(123, true, new JsonArray().add("a"), new JsonObject().put("a", 1))) {
      refused(scim.post("/Users", new JsonObject().put("userName", userName)), "userName");
    }
    refused(scim.post("/Users", user("b").put("emails", new JsonObject().put("value", "b@x.com"))), "emails");
    refused(scim.post("/Users", user("b").put("emails", new JsonArray().add("b@x.com"))), "emails");
    refused(scim.post("/Users", user("b").put(ENTERPRISE, new JsonObject().put("employeeNumber", 42))),
        "employeeNumber");
    assertUsers(scim, 0);

    String id = created(scim, user("ada"));
    String version = scim.get("/Users/" + id).json().getJsonObject("meta").getString("version");
    refused(scim.patch("/Users/" + id, patch(op("replace", "userName", 5))), "userName");
    refused(scim.patch("/Users/" + id, patch(new JsonObject().put("op", "replace")
        .put("value", new JsonObject().put("active", "maybe")))), "active");
    JsonObject after = scim.get("/Users/" + id).json();
    assertEquals("ada", after.getString("userName"));
    assertEquals(version, after.getJsonObject("meta").getString("version"), "a refused PATCH changes nothing");
  }

  @Test
  void controlCharactersAreRefusedWhereverTheyWouldBeStored() {
    ScimClient scim = CLUSTER.newTenant();
    refused(scim.post("/Users", new JsonObject().put("userName", "nul\u0000")), "userName");
    refused(scim.post("/Users", user("b").put("displayName", "\u0000")), "displayName");
    refused(scim.post("/Users", user("b").put("title", "a\u0000b")), "title");
    refused(scim.post("/Users", user("b").put(ENTERPRISE, new JsonObject().put("department", "\u0000"))),
        "department");
    refused(scim.post("/Users", new JsonObject().put("userName", "tab\there")), "userName");
    refused(scim.post("/Groups", new JsonObject().put("displayName", "g\u0000")), "displayName");
    refused(scim.post("/Groups", new JsonObject().put("displayName", "g")
        .put("members", new JsonArray().add(new JsonObject().put("value", "u\u0000")))), "members.value");
    assertUsers(scim, 0);
    assertEquals(0, scim.get("/Groups").json().getInteger("totalResults"));

    String id = created(scim, user("ada").put("title", "Line one\nline two\twith a tab"));
    refused(scim.patch("/Users/" + id, patch(op("replace", "title", "x\u0000"))), "title");
    refused(scim.patch("/Users/" + id, patch(op("add", ENTERPRISE + ":department", "\u0001"))), "department");
    assertEquals("Line one\nline two\twith a tab", scim.get("/Users/" + id).json().getString("title"));
  }

  @Test
  void filterLiteralsWithNulAreInvalidFilter() {
    ScimClient scim = CLUSTER.newTenant();
    Response search = scim.post("/Users/.search", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:SearchRequest"))
        .put("filter", "userName eq \"a\u0000\""));
    assertEquals("invalidFilter", assertScimError(400, search).getString("scimType"));
    Response groups = scim.post("/Groups/.search", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:SearchRequest"))
        .put("filter", "displayName eq \"\\u0000\""));
    assertEquals("invalidFilter", assertScimError(400, groups).getString("scimType"));
  }

  @Test
  void indexedValuesLongerThanTheIndexTakesAre400() {
    ScimClient scim = CLUSTER.newTenant();
    String huge = incompressible(3000);
    refused(scim.post("/Users", new JsonObject().put("userName", huge)), "userName");
    refused(scim.post("/Users", user("b").put("externalId", huge)), "externalId");
    refused(scim.post("/Users", user("b").put("displayName", huge)), "displayName");
    refused(scim.post("/Users", user("b").put("nickName", incompressible(20_000))), "nickName");
    refused(scim.post("/Groups", new JsonObject().put("displayName", huge)), "displayName");
    refused(scim.post("/Groups", new JsonObject().put("displayName", "g")
        .put("members", new JsonArray().add(new JsonObject().put("value", huge)))), "members.value");
    assertUsers(scim, 0);
    String longest = incompressible(1024);
    assertEquals(longest, scim.get("/Users/" + created(scim, new JsonObject().put("userName", longest))).json()
        .getString("userName"));
  }

  @Test
  void aBodyWithHundredsOfThousandsOfValuesIsRefusedAndTheServiceStaysUp() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject body = refused(scim.post("/Users", user("many").put("emails", emails(1001))), "emails");
    assertTrue(body.getString("detail").contains("at most 1000"), body.toString());
    // Refused by the gateway before it reaches users-service: 9 MB of small values would cost it far more heap.
    refused(scim.post("/Users", user("many").put("emails", emails(400_000))), "emails");

    JsonArray members = new JsonArray();
    for (int i = 0; i < 20_001; i++) {
      members.add(new JsonObject().put("value", "m" + i));
    }
    refused(scim.post("/Groups", new JsonObject().put("displayName", "big").put("members", members)), "members");
    assertEquals(0, scim.get("/Groups").json().getInteger("totalResults"));
    created(scim, user("after"));
  }

  @Test
  void entraSendsManagerAsAPlainId() {
    ScimClient scim = CLUSTER.newTenant();
    Response posted = scim.post("/Users", user("ada").put("schemas", new JsonArray().add(USER).add(ENTERPRISE))
        .put(ENTERPRISE, new JsonObject().put("manager", "123456")));
    assertEquals(201, posted.status(), posted.toString());
    assertEquals(new JsonObject().put("value", "123456"), posted.json().getJsonObject(ENTERPRISE)
        .getJsonObject("manager"));
    String id = posted.json().getString("id");
    for (String op : List.of("Add", "Replace")) {
      Response patched = scim.patch("/Users/" + id, patch(op(op, ENTERPRISE + ":manager", op + "-654321")));
      assertEquals(200, patched.status(), patched.toString());
      assertEquals(op + "-654321", scim.get("/Users/" + id).json().getJsonObject(ENTERPRISE)
          .getJsonObject("manager").getString("value"));
    }
  }

  @Test
  void aMembersTypeAndRefFollowFromItsId() {
    ScimClient scim = CLUSTER.newTenant();
    String nested = scim.post("/Groups", new JsonObject().put("displayName", "nested")).json().getString("id");
    String user = UUID.randomUUID().toString();
    Response created = scim.post("/Groups", new JsonObject().put("displayName", "outer").put("members",
        new JsonArray().add(new JsonObject().put("value", nested)).add(new JsonObject().put("value", user))));
    assertEquals(201, created.status(), created.toString());
    JsonObject expectedGroup = new JsonObject().put("value", nested).put("type", "Group")
        .put("$ref", scim.baseUrl() + "/Groups/" + nested);
    JsonObject expectedUser = new JsonObject().put("value", user).put("type", "User")
        .put("$ref", scim.baseUrl() + "/Users/" + user);
    String outer = created.json().getString("id");
    for (JsonObject group : List.of(created.json(), scim.get("/Groups/" + outer).json())) {
      JsonArray members = group.getJsonArray("members");
      assertTrue(members.contains(expectedGroup) && members.contains(expectedUser), members.encode());
    }

    refused(scim.post("/Groups", new JsonObject().put("displayName", "wrong").put("members",
        new JsonArray().add(new JsonObject().put("value", user).put("type", "Group")))), "member " + user);
    refused(scim.patch("/Groups/" + outer, patch(op("add", "members",
        new JsonArray().add(new JsonObject().put("value", nested).put("type", "User"))))), "member " + nested);
    refused(scim.patch("/Groups/" + outer, patch(op("add", "members",
        new JsonArray().add(new JsonObject().put("value", user).put("type", "Device"))))), "members.type");
    assertEquals(2, scim.get("/Groups").json().getInteger("totalResults"));
    assertEquals(2, scim.get("/Groups/" + outer).json().getJsonArray("members").size());
  }

  /** A 400 invalidValue whose detail names {@code attribute}; returns the error body. */
  private static JsonArray emails(int count) {
    JsonArray emails = new JsonArray();
    for (int i = 0; i < count; i++) {
      emails.add(new JsonObject().put("value", "e" + i));
    }
    return emails;
  }

  private static JsonObject refused(Response response, String attribute) {
    JsonObject body = assertScimError(400, response);
    assertEquals("invalidValue", body.getString("scimType"), body.toString());
    assertTrue(body.getString("detail").contains(attribute), body.toString());
    return body;
  }

  private static String created(ScimClient scim, JsonObject user) {
    Response response = scim.post("/Users", user);
    assertEquals(201, response.status(), response.toString());
    return response.json().getString("id");
  }

  private static void assertUsers(ScimClient scim, int count) {
    assertEquals(count, scim.get("/Users" + query("count", "0")).json().getInteger("totalResults"));
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }

  private static String incompressible(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
