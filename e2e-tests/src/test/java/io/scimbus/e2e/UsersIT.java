package io.scimbus.e2e;

import static io.scimbus.testsupport.ScimClient.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The /Users surface over HTTP: lists, PUT, PATCH, DELETE, preconditions and the events each write emits. */
class UsersIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  @Test
  void filtersByUserNameExternalIdAndEmailType() {
    ScimClient scim = CLUSTER.newTenant();
    String ada = create(scim, user("ada@example.com").put("externalId", "ext-ada")
        .put("emails", new JsonArray().add(email("work", "ada@work.example")).add(email("home", "ada@home.example"))));
    String bob = create(scim, user("bob@example.com").put("externalId", "ext-bob")
        .put("emails", new JsonArray().add(email("home", "ada@work.example"))));

    assertEquals(List.of(ada), ids(list(scim, "userName eq \"ADA@example.com\"")));
    assertEquals(List.of(bob), ids(list(scim, "externalId eq \"ext-bob\"")));
    assertEquals(List.of(), ids(list(scim, "externalId eq \"EXT-BOB\"")));
    assertEquals(List.of(ada), ids(list(scim, "emails[type eq \"work\" and value eq \"ada@work.example\"]")));
    assertEquals(List.of(ada), ids(list(scim, "emails[type eq \"work\" and value co \"@work.\"]")));
    assertEquals(2, list(scim, "emails.value ew \".example\"").getInteger("totalResults"));
  }

  @Test
  void noMatchIsAnEmptyListResponseOfExactShape() {
    ScimClient scim = CLUSTER.newTenant();
    create(scim, user("someone@example.com"));
    Response none = scim.get("/Users" + query("filter", "userName eq \"nobody@example.com\""));
    assertEquals(200, none.status(), none.toString());
    assertEquals("application/scim+json", none.header("Content-Type"));
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add(LIST_RESPONSE))
        .put("totalResults", 0)
        .put("startIndex", 1)
        .put("itemsPerPage", 0)
        .put("Resources", new JsonArray()), none.json());
  }

  @Test
  void pagesCountEverythingAndHoldTheirSlice() {
    ScimClient scim = CLUSTER.newTenant();
    for (String name : List.of("u3", "u1", "u5", "u2", "u4")) {
      create(scim, user(name));
    }
    JsonObject page = ok(scim.get("/Users" + query("sortBy", "userName", "startIndex", "2", "count", "2")));
    assertEquals(5, page.getInteger("totalResults"));
    assertEquals(2, page.getInteger("startIndex"));
    assertEquals(2, page.getInteger("itemsPerPage"));
    assertEquals(List.of("u2", "u3"), userNames(page));

    JsonObject last = ok(scim.get("/Users" + query("sortBy", "userName", "startIndex", "5", "count", "2")));
    assertEquals(List.of("u5"), userNames(last));
    assertEquals(1, last.getInteger("itemsPerPage"));

    JsonObject countOnly = ok(scim.get("/Users" + query("count", "0")));
    assertEquals(5, countOnly.getInteger("totalResults"));
    assertEquals(0, countOnly.getInteger("itemsPerPage"));
    assertEquals(new JsonArray(), countOnly.getJsonArray("Resources"));

    JsonObject beyond = ok(scim.get("/Users" + query("startIndex", "9")));
    assertEquals(5, beyond.getInteger("totalResults"));
    assertEquals(new JsonArray(), beyond.getJsonArray("Resources"));
  }

  @Test
  void sortsAscendingAndDescending() {
    ScimClient scim = CLUSTER.newTenant();
    create(scim, user("b").put("displayName", "Zed"));
    create(scim, user("a").put("displayName", "Amy"));
    create(scim, user("c").put("displayName", "mia"));
    assertEquals(List.of("a", "b", "c"), userNames(ok(scim.get("/Users" + query("sortBy", "userName")))));
    assertEquals(List.of("c", "b", "a"),
        userNames(ok(scim.get("/Users" + query("sortBy", "userName", "sortOrder", "descending")))));
    assertEquals(List.of("a", "c", "b"), userNames(ok(scim.get("/Users" + query("sortBy", "displayName")))));
  }

  @Test
  void attributesAndExcludedAttributesShapeGetAndList() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com").put("displayName", "Ada")
        .put("name", new JsonObject().put("givenName", "Ada").put("familyName", "Lovelace"))
        .put("emails", new JsonArray().add(email("work", "ada@work.example"))));

    JsonObject narrow = ok(scim.get("/Users/" + id + query("attributes", "userName,name.familyName")));
    assertEquals(id, narrow.getString("id"));
    assertEquals("ada@example.com", narrow.getString("userName"));
    assertEquals(new JsonObject().put("familyName", "Lovelace"), narrow.getJsonObject("name"));
    assertFalse(narrow.containsKey("emails"));
    assertFalse(narrow.containsKey("displayName"));

    JsonObject without = ok(scim.get("/Users/" + id + query("excludedAttributes", "emails,name")));
    assertEquals("Ada", without.getString("displayName"));
    assertFalse(without.containsKey("emails"));
    assertFalse(without.containsKey("name"));
    assertEquals(id, without.getString("id"));

    JsonObject listed = ok(scim.get("/Users" + query("filter", "userName eq \"ada@example.com\"",
        "attributes", "emails"))).getJsonArray("Resources").getJsonObject(0);
    assertEquals(Map.of("schemas", List.of(USER), "id", id, "emails", List.of(Map.of("type", "work", "value",
        "ada@work.example"))), listed.getMap());
  }

  @Test
  void searchEndpointTakesASearchRequest() {
    ScimClient scim = CLUSTER.newTenant();
    create(scim, user("x1").put("displayName", "X"));
    create(scim, user("x2").put("displayName", "X"));
    create(scim, user("y1").put("displayName", "Y"));
    Response found = scim.post("/Users/.search", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:SearchRequest"))
        .put("filter", "displayName eq \"x\"")
        .put("attributes", new JsonArray().add("userName"))
        .put("sortBy", "userName").put("sortOrder", "descending")
        .put("startIndex", 1).put("count", 10));
    JsonObject body = ok(found);
    assertEquals(2, body.getInteger("totalResults"));
    assertEquals(List.of("x2", "x1"), userNames(body));
    assertFalse(body.getJsonArray("Resources").getJsonObject(0).containsKey("displayName"));
  }

  @Test
  void malformedFilterIsInvalidFilter() {
    ScimClient scim = CLUSTER.newTenant();
    for (String filter : List.of("userName eq", "userName zz \"a\"", "(userName eq \"a\"")) {
      Response bad = scim.get("/Users" + query("filter", filter));
      assertEquals(400, bad.status(), filter + " -> " + bad);
      assertEquals("invalidFilter", bad.json().getString("scimType"), filter + " -> " + bad);
    }
  }

  @Test
  void putReplacesTheWholeResourceAndCanDeactivate() {
    ScimClient scim = CLUSTER.newTenant();
    Response created = scim.post("/Users", user("ada@example.com").put("active", true).put("displayName", "Ada")
        .put("emails", new JsonArray().add(email("work", "ada@work.example"))));
    JsonObject before = created.json();
    String id = before.getString("id");

    Response replaced = scim.put("/Users/" + id, user("ada.lovelace@example.com").put("active", false)
        .put("id", "ignored-client-id").put("name", new JsonObject().put("familyName", "Lovelace")));
    JsonObject after = ok(replaced);
    assertEquals(id, after.getString("id"));
    assertEquals("ada.lovelace@example.com", after.getString("userName"));
    assertEquals(false, after.getBoolean("active"));
    assertEquals("Lovelace", after.getJsonObject("name").getString("familyName"));
    assertFalse(after.containsKey("emails"), "PUT replaces: attributes left out are cleared");
    assertFalse(after.containsKey("displayName"));
    assertEquals(before.getJsonObject("meta").getString("created"), after.getJsonObject("meta").getString("created"));
    assertEquals("W/\"2\"", after.getJsonObject("meta").getString("version"));
    assertEquals("W/\"2\"", replaced.header("ETag"));
    assertEquals(after, ok(scim.get("/Users/" + id)));

    assertEquals(404, scim.put("/Users/2819c223-7f76-453a-919d-413861904646", user("x")).status());
    Response invalid = scim.put("/Users/" + id, new JsonObject().put("displayName", "no userName"));
    assertEquals(400, invalid.status(), invalid.toString());
    assertEquals("invalidValue", invalid.json().getString("scimType"));
  }

  @Test
  void ifMatchGuardsEveryWrite() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com"));
    Map<String, String> stale = Map.of("If-Match", "W/\"7\"");

    for (Response refused : List.of(
        scim.send("PUT", "/Users/" + id, user("ada@example.com").encode(), stale),
        scim.send("PATCH", "/Users/" + id, replace("displayName", "Ada").encode(), stale),
        scim.send("DELETE", "/Users/" + id, null, stale))) {
      assertEquals(412, refused.status(), refused.toString());
      assertEquals("412", refused.json().getString("status"));
    }
    assertEquals("W/\"1\"", scim.get("/Users/" + id).header("ETag"), "refused writes change nothing");

    Response put = scim.send("PUT", "/Users/" + id, user("ada@example.com").encode(), Map.of("If-Match", "W/\"1\""));
    assertEquals(200, put.status(), put.toString());
    assertEquals("W/\"1\"", put.header("ETag"), "a PUT that changes nothing keeps the version");
    Response patched = scim.send("PATCH", "/Users/" + id, replace("displayName", "Ada").encode(),
        Map.of("If-Match", "\"1\""));
    assertEquals(200, patched.status(), patched.toString());
    assertEquals("W/\"2\"", patched.header("ETag"));
    assertEquals(204, scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", "*")).status());
  }

  @Test
  void ifNoneMatchAnswersNotModifiedForTheCurrentVersion() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com"));
    Response fresh = scim.send("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));
    assertEquals(304, fresh.status(), fresh.toString());
    assertEquals("", fresh.raw().body());
    assertEquals("W/\"1\"", fresh.header("ETag"));

    scim.patch("/Users/" + id, replace("displayName", "Ada"));
    Response changed = scim.send("GET", "/Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("Ada", changed.json().getString("displayName"));
  }

  @Test
  void patchAcceptsWhatEntraSends() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com").put("active", true)
        .put("emails", new JsonArray().add(email("work", "old@work.example").put("primary", true))
            .add(email("home", "ada@home.example"))));

    Response patched = scim.patch("/Users/" + id, patchOp(
        op("Replace", "emails[type eq \"work\"].value", "new@work.example"),
        op("Replace", "active", "False"),
        op("Add", "roles[primary eq \"True\"].value", "Admin"),
        new JsonObject().put("op", "Replace").put("value", new JsonObject()
            .put("name.givenName", "Ada")
            .put("displayName", "Ada L")
            .put(ENTERPRISE + ":department", "Engines"))));
    JsonObject user = ok(patched);
    JsonArray emails = user.getJsonArray("emails");
    assertEquals("new@work.example", emails.getJsonObject(0).getString("value"));
    assertEquals(true, emails.getJsonObject(0).getBoolean("primary"));
    assertEquals("ada@home.example", emails.getJsonObject(1).getString("value"));
    assertEquals(false, user.getBoolean("active"));
    assertEquals(new JsonArray().add(new JsonObject().put("primary", true).put("value", "Admin")),
        user.getJsonArray("roles"));
    assertEquals("Ada", user.getJsonObject("name").getString("givenName"));
    assertEquals("Ada L", user.getString("displayName"));
    assertEquals("Engines", user.getJsonObject(ENTERPRISE).getString("department"));
    assertTrue(user.getJsonArray("schemas").contains(ENTERPRISE));
    assertEquals(user, ok(scim.get("/Users/" + id)));

    JsonObject narrowed = ok(scim.patch("/Users/" + id + query("attributes", "displayName"),
        patchOp(op("Remove", "roles", null))));
    assertEquals(Map.of("schemas", List.of(USER, ENTERPRISE), "id", id, "displayName", "Ada L"), narrowed.getMap());
    assertFalse(ok(scim.get("/Users/" + id)).containsKey("roles"));
  }

  @Test
  void patchWithAnUnknownPathIsInvalidPathAndChangesNothing() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com"));
    Response bad = scim.patch("/Users/" + id, patchOp(op("replace", "displayName", "Ada"),
        op("replace", "noSuchAttribute", "x")));
    assertEquals(400, bad.status(), bad.toString());
    assertEquals("invalidPath", bad.json().getString("scimType"));
    JsonObject unchanged = ok(scim.get("/Users/" + id));
    assertNull(unchanged.getString("displayName"));
    assertEquals("W/\"1\"", unchanged.getJsonObject("meta").getString("version"));

    Response unknownUser = scim.patch("/Users/2819c223-7f76-453a-919d-413861904646", replace("displayName", "x"));
    assertEquals(404, unknownUser.status(), unknownUser.toString());
  }

  @Test
  void concurrentPatchesAllApplyOneAfterAnother() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com"));
    int writers = 8;
    List<Integer> statuses = IntStream.range(0, writers).parallel()
        .mapToObj(i -> scim.patch("/Users/" + id, patchOp(op("add", "emails",
            new JsonArray().add(email("other", "ada" + i + "@example.com"))))).status())
        .toList();
    assertEquals(Collections.nCopies(writers, 200), statuses);
    JsonObject user = ok(scim.get("/Users/" + id));
    assertEquals(writers, user.getJsonArray("emails").size(), "no PATCH overwrote another's email");
    assertEquals("W/\"" + (writers + 1) + "\"", user.getJsonObject("meta").getString("version"));
  }

  @Test
  void deleteAnswersNoContentThenTheUserIsGone() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com"));
    Response deleted = scim.delete("/Users/" + id);
    assertEquals(204, deleted.status(), deleted.toString());
    assertEquals("", deleted.raw().body());
    assertEquals(404, scim.get("/Users/" + id).status());
    assertEquals(404, scim.delete("/Users/" + id).status());
    assertEquals(0, list(scim, "userName eq \"ada@example.com\"").getInteger("totalResults"));
    assertEquals(201, scim.post("/Users", user("ada@example.com")).status(), "the userName is free again");
  }

  @Test
  void renamingOntoATakenUserNameIsUniquenessConflict() {
    ScimClient scim = CLUSTER.newTenant();
    create(scim, user("ada@example.com"));
    String bob = create(scim, user("bob@example.com"));
    for (Response conflict : List.of(
        scim.put("/Users/" + bob, user("ADA@example.com")),
        scim.patch("/Users/" + bob, replace("userName", "Ada@Example.com")))) {
      assertEquals(409, conflict.status(), conflict.toString());
      assertEquals("uniqueness", conflict.json().getString("scimType"));
    }
    assertEquals("bob@example.com", ok(scim.get("/Users/" + bob)).getString("userName"));
  }

  @Test
  void everyWriteEmitsOneEventNamedForWhatChanged() {
    ScimClient scim = CLUSTER.newTenant();
    String id = create(scim, user("ada@example.com").put("active", true));
    ok(scim.patch("/Users/" + id, patchOp(new JsonObject().put("op", "replace")
        .put("value", new JsonObject().put("active", false)))));
    ok(scim.patch("/Users/" + id, replace("active", true)));
    ok(scim.put("/Users/" + id, user("ada@example.com").put("active", true).put("displayName", "Ada")));
    assertEquals(204, scim.delete("/Users/" + id).status());

    List<JsonObject> events = new NotifierEvents(CLUSTER, scim.tenant()).awaitAll(id, 5);
    assertEquals(List.of("user.created", "user.deactivated", "user.reactivated", "user.updated", "user.deleted"),
        events.stream().map(event -> event.getString("type")).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(event -> event.getLong("version")).toList());
    JsonObject deactivated = events.get(1).getJsonObject("data");
    assertEquals(false, deactivated.getBoolean("active"));
    assertEquals("W/\"2\"", deactivated.getJsonObject("meta").getString("version"));
    assertEquals("Ada", events.get(4).getJsonObject("data").getString("displayName"), "delete carries the last state");
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }

  private static JsonObject email(String type, String value) {
    return new JsonObject().put("type", type).put("value", value);
  }

  private static JsonObject op(String op, String path, Object value) {
    JsonObject operation = new JsonObject().put("op", op).put("path", path);
    return value == null ? operation : operation.put("value", value);
  }

  private static JsonObject patchOp(JsonObject... operations) {
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_OP))
        .put("Operations", new JsonArray(List.of((Object[]) operations)));
  }

  private static JsonObject replace(String path, Object value) {
    return patchOp(op("replace", path, value));
  }

  private static String create(ScimClient scim, JsonObject user) {
    Response created = scim.post("/Users", user);
    assertEquals(201, created.status(), created.toString());
    return created.json().getString("id");
  }

  private static JsonObject list(ScimClient scim, String filter) {
    return ok(scim.get("/Users" + query("filter", filter)));
  }

  private static JsonObject ok(Response response) {
    assertEquals(200, response.status(), response.toString());
    return response.json();
  }

  private static List<String> ids(JsonObject listResponse) {
    return listResponse.getJsonArray("Resources").stream().map(r -> ((JsonObject) r).getString("id")).toList();
  }

  private static List<String> userNames(JsonObject listResponse) {
    return listResponse.getJsonArray("Resources").stream().map(r -> ((JsonObject) r).getString("userName"))
        .toList();
  }
}
