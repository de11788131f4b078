package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.encode;
import static io.scimbus.e2e.GroupRequests.group;
import static io.scimbus.e2e.GroupRequests.memberIds;
import static io.scimbus.e2e.GroupRequests.members;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCIM Groups over HTTP: every status code and body shape a provisioning client relies on. */
class GroupsIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String A = UUID.randomUUID().toString();
  private static final String B = UUID.randomUUID().toString();
  private static final String C = UUID.randomUUID().toString();

  @Test
  void createGetAndDelete() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    Response created = scim.post("/Groups", group("Engineering", A, B).put("externalId", "ext-eng"));
    assertEquals(201, created.status(), created.toString());
    JsonObject group = created.json();
    String id = group.getString("id");
    assertEquals("Engineering", group.getString("displayName"));
    assertEquals("ext-eng", group.getString("externalId"));
    assertEquals(Set.of(A, B), memberIds(group));
    JsonObject meta = group.getJsonObject("meta");
    assertEquals("Group", meta.getString("resourceType"));
    assertEquals(scim.baseUrl() + "/Groups/" + id, created.header("Location"));
    assertEquals(meta.getString("version"), created.header("ETag"));

    Response fetched = scim.get("/Groups/" + id);
    assertEquals(200, fetched.status(), fetched.toString());
    assertEquals(Set.of(A, B), memberIds(fetched.json()));
    assertEquals("Engineering", fetched.json().getString("displayName"));

    JsonObject event = GroupRequests.awaitEvent(CLUSTER, scim.tenant(), id,
        e -> "group.created".equals(e.getString("type")));
    assertNull(event.getJsonObject("data").getValue("members"), "events carry member changes, not member lists");
    assertEquals(Set.of(A, B), Set.copyOf(event.getJsonObject("data").getJsonArray("membersAdded").getList()));

    assertEquals(204, scim.delete("/Groups/" + id).status());
    assertEquals(404, scim.get("/Groups/" + id).status());
    assertEquals(404, scim.delete("/Groups/" + id).status());
    GroupRequests.awaitEvent(CLUSTER, scim.tenant(), id, e -> "group.deleted".equals(e.getString("type")));
  }

  @Test
  void displayNameIsRequiredButNotUnique() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals(201, scim.post("/Groups", group("Sales")).status());
    assertEquals(201, scim.post("/Groups", group("Sales")).status());
    Response missing = scim.post("/Groups", new JsonObject().put("externalId", "x"));
    assertEquals(400, missing.status(), missing.toString());
    assertEquals("invalidValue", missing.json().getString("scimType"));
  }

  @Test
  void excludedMembersAndAttributesLeaveMembersOut() {
    ScimClient scim = CLUSTER.newTenant();
    String id = scim.post("/Groups", group("Ops", A)).json().getString("id");

    JsonObject excluded = scim.get("/Groups/" + id + "?excludedAttributes=members").json();
    assertFalse(excluded.containsKey("members"), excluded.encode());
    assertEquals("Ops", excluded.getString("displayName"));
    assertEquals(id, excluded.getString("id"));

    JsonObject narrowed = scim.get("/Groups/" + id + "?attributes=displayName").json();
    assertFalse(narrowed.containsKey("members"), narrowed.encode());
    assertEquals(id, narrowed.getString("id"));

    JsonObject onlyMembers = scim.get("/Groups/" + id + "?attributes=members").json();
    assertEquals(Set.of(A), memberIds(onlyMembers));
    assertFalse(onlyMembers.containsKey("displayName"));
  }

  @Test
  void filtersRunOnDisplayNameExternalIdAndMembers() {
    ScimClient scim = CLUSTER.newTenant();
    String red = scim.post("/Groups", group("Red Team", A).put("externalId", "ext-red")).json().getString("id");
    String blue = scim.post("/Groups", group("Blue Team", A, B).put("externalId", "ext-blue")).json().getString("id");
    scim.post("/Groups", group("Green Team"));

    assertEquals(List.of(red), ids(list(scim, "displayName eq \"red team\"")));
    assertEquals(List.of(blue), ids(list(scim, "externalId eq \"ext-blue\"")));
    assertEquals(Set.of(red, blue), Set.copyOf(ids(list(scim, "members[value eq \"" + A + "\"]"))));
    assertEquals(List.of(blue), ids(list(scim, "members[value eq \"" + B + "\"]")));

    JsonObject none = list(scim, "displayName eq \"Purple Team\"");
    assertEquals(0, none.getInteger("totalResults"));
    assertEquals(new JsonArray(), none.getJsonArray("Resources"));
    assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", none.getJsonArray("schemas").getString(0));

    Response bad = scim.get("/Groups?filter=" + encode("displayName eq"));
    assertEquals(400, bad.status(), bad.toString());
    assertEquals("invalidFilter", bad.json().getString("scimType"));
  }

  @Test
  void listsPageAndLoadMembersOnlyWhenShown() {
    ScimClient scim = CLUSTER.newTenant();
    for (int i = 1; i <= 5; i++) {
      scim.post("/Groups", group("Group " + i, A, "member-" + i));
    }
    JsonObject page = scim.get("/Groups?sortBy=displayName&startIndex=3&count=2").json();
    assertEquals(5, page.getInteger("totalResults"));
    assertEquals(3, page.getInteger("startIndex"));
    assertEquals(2, page.getInteger("itemsPerPage"));
    JsonArray resources = page.getJsonArray("Resources");
    assertEquals("Group 3", resources.getJsonObject(0).getString("displayName"));
    assertEquals(Set.of(A, "member-3"), memberIds(resources.getJsonObject(0)));
    assertEquals(Set.of(A, "member-4"), memberIds(resources.getJsonObject(1)));

    JsonObject excluded = scim.get("/Groups?excludedAttributes=members").json();
    assertEquals(5, excluded.getJsonArray("Resources").size());
    excluded.getJsonArray("Resources").forEach(g -> assertFalse(((JsonObject) g).containsKey("members")));

    Response searched = scim.post("/Groups/.search", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:SearchRequest"))
        .put("filter", "displayName sw \"Group\"")
        .put("excludedAttributes", new JsonArray().add("members"))
        .put("startIndex", 5).put("count", 10));
    assertEquals(200, searched.status(), searched.toString());
    assertEquals(5, searched.json().getInteger("totalResults"));
    assertEquals(1, searched.json().getInteger("itemsPerPage"));
    assertFalse(searched.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"));
  }

  @Test
  void putReplacesTheMemberSet() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject created = scim.post("/Groups", group("Finance", A, B).put("externalId", "ext-fin")).json();
    String id = created.getString("id");

    Response replaced = scim.put("/Groups/" + id, group("Finance EU", B, C));
    assertEquals(200, replaced.status(), replaced.toString());
    assertEquals(Set.of(B, C), memberIds(replaced.json()));
    assertNull(replaced.json().getString("externalId"), "PUT replaces every attribute");
    assertNotEquals(created.getJsonObject("meta").getString("version"), replaced.header("ETag"));

    JsonObject fetched = scim.get("/Groups/" + id).json();
    assertEquals("Finance EU", fetched.getString("displayName"));
    assertEquals(Set.of(B, C), memberIds(fetched));

    assertEquals(200, scim.put("/Groups/" + id, group("Finance EU")).status());
    assertFalse(scim.get("/Groups/" + id).json().containsKey("members"));
  }

  @Test
  void patchAddsRemovesAndReplacesMembers() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    String id = scim.post("/Groups", group("Support", A)).json().getString("id");
    String path = "/Groups/" + id;

    Response added = scim.patch(path, patch(op("Add", "members", members(List.of(B, C)))));
    assertEquals(204, added.status(), added.toString());
    assertEquals("W/\"2\"", added.header("ETag"));
    assertEquals(Set.of(A, B, C), memberIds(scim.get(path).json()));
    JsonObject event = GroupRequests.awaitEvent(CLUSTER, scim.tenant(), id, e -> e.getLong("version") == 2);
    assertEquals("group.updated", event.getString("type"));
    assertEquals(Set.of(B, C), Set.copyOf(event.getJsonObject("data").getJsonArray("membersAdded").getList()));
    assertEquals(List.of(), event.getJsonObject("data").getJsonArray("membersRemoved").getList());

    assertEquals(204, scim.patch(path, patch(op("Remove", "members[value eq \"" + A + "\"]", null))).status());
    assertEquals(204, scim.patch(path, patch(op("Remove", "members", members(List.of(B))))).status());
    assertEquals(Set.of(C), memberIds(scim.get(path).json()));

    Response noOp = scim.patch(path, patch(op("Remove", "members[value eq \"not-a-member\"]", null)));
    assertEquals(204, noOp.status(), noOp.toString());
    assertEquals("W/\"4\"", noOp.header("ETag"), "removing a non-member changes nothing, not even the version");

    assertEquals(204, scim.patch(path, patch(op("Replace", "members", members(List.of(A, B))))).status());
    assertEquals(Set.of(A, B), memberIds(scim.get(path).json()));

    assertEquals(204, scim.patch(path, patch(op("remove", "members", null))).status());
    assertFalse(scim.get(path).json().containsKey("members"));
  }

  @Test
  void patchOfDisplayNameAndOktaPathlessReplace() {
    ScimClient scim = CLUSTER.newTenant();
    String id = scim.post("/Groups", group("Legal", A)).json().getString("id");
    String path = "/Groups/" + id;

    Response echoed = scim.patch(path + "?excludedAttributes=members",
        patch(op("replace", null, new JsonObject().put("id", id).put("displayName", "Legal EU"))));
    assertEquals(200, echoed.status(), echoed.toString());
    assertEquals("Legal EU", echoed.json().getString("displayName"));
    assertFalse(echoed.json().containsKey("members"));

    Response both = scim.patch(path + "?attributes=members,displayName", patch(
        op("replace", null, new JsonObject().put("displayName", "Legal").put("members", members(List.of(B)))),
        op("add", "members", members(List.of(C)))));
    assertEquals(200, both.status(), both.toString());
    assertEquals("Legal", both.json().getString("displayName"));
    assertEquals(Set.of(B, C), memberIds(both.json()));

    Response readOnly = scim.patch(path, patch(op("replace", "id", "other")));
    assertEquals(400, readOnly.status(), readOnly.toString());
    assertEquals("mutability", readOnly.json().getString("scimType"));
  }

  @Test
  void invalidPathsAreRefused() {
    ScimClient scim = CLUSTER.newTenant();
    String path = "/Groups/" + scim.post("/Groups", group("HR", A)).json().getString("id");
    for (String bad : new String[] {"displayName[", "noSuchAttribute", "members[type eq \"User\"]"}) {
      Response refused = scim.patch(path, patch(op("remove", bad, null)));
      assertEquals(400, refused.status(), bad + " -> " + refused);
      assertEquals("invalidPath", refused.json().getString("scimType"), bad + " -> " + refused);
    }
    assertEquals(Set.of(A), memberIds(scim.get(path).json()), "a refused PATCH changes nothing");
  }

  @Test
  void unknownIdsAreNotFound() {
    ScimClient scim = CLUSTER.newTenant();
    for (String id : new String[] {UUID.randomUUID().toString(), "not-a-uuid"}) {
      String path = "/Groups/" + id;
      assertEquals(404, scim.get(path).status());
      assertEquals(404, scim.put(path, group("x")).status());
      assertEquals(404, scim.patch(path, patch(op("add", "members", members(List.of(A))))).status());
      Response deleted = scim.delete(path);
      assertEquals(404, deleted.status());
      assertEquals("404", deleted.json().getString("status"));
    }
  }

  @Test
  void etagsGuardWritesAndSpareReads() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    Response created = scim.post("/Groups", group("Audit", A));
    String path = "/Groups/" + created.json().getString("id");
    String etag = created.header("ETag");

    assertEquals(304, send(scim, "GET", path, "If-None-Match", etag).statusCode());
    assertEquals(200, send(scim, "GET", path, "If-None-Match", "W/\"99\"").statusCode());
    assertEquals(412, send(scim, "DELETE", path, "If-Match", "W/\"99\"").statusCode());
    assertEquals(204, send(scim, "DELETE", path, "If-Match", etag).statusCode());
  }

  private static HttpResponse<String> send(ScimClient scim, String method, String path, String header, String value)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(scim.baseUrl() + path))
        .header("Authorization", "Bearer " + CLUSTER.tokenFor(scim.tenant()))
        .header(header, value)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject list(ScimClient scim, String filter) {
    Response response = scim.get("/Groups?filter=" + encode(filter));
    assertEquals(200, response.status(), response.toString());
    return response.json();
  }

  private static List<String> ids(JsonObject list) {
    JsonArray resources = list.getJsonArray("Resources");
    assertNotNull(resources);
    assertEquals(list.getInteger("totalResults"), resources.size());
    return resources.stream().map(r -> ((JsonObject) r).getString("id")).toList();
  }
}
