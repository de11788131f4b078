package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.group;
import static io.scimbus.e2e.GroupRequests.members;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A write that changes nothing is answered with the current resource and ETag, keeps {@code meta.version} and emits
 * no event: IdPs resend unchanged attributes every cycle, and each must not look like a change downstream.
 */
class NoOpWriteIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

  @Test
  void userPatchAndPutThatChangeNothingKeepTheVersionAndEmitNothing() {
    ScimClient scim = CLUSTER.newTenant();
    JsonObject body = new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", "ada@example.com")
        .put("displayName", "Ada").put("active", true)
        .put("emails", new JsonArray().add(new JsonObject().put("type", "work").put("value", "ada@example.com")));
    Response created = scim.post("/Users", body);
    assertEquals(201, created.status(), created.toString());
    String path = "/Users/" + created.json().getString("id");

    Response samePatch = scim.patch(path, patch(op("Replace", "displayName", "Ada"), op("replace", "active", "True"),
        op("add", "emails[type eq \"work\"].value", "ada@example.com")));
    assertUnchanged(created, samePatch);
    assertUnchanged(created, scim.patch(path, patch(op("replace", null, new JsonObject().put("displayName", "Ada")))));
    assertUnchanged(created, scim.put(path, body.copy().put("id", created.json().getString("id"))));

    Response changed = scim.patch(path, patch(op("replace", "displayName", "Ada L.")));
    assertEquals("W/\"2\"", assertOk(changed).getJsonObject("meta").getString("version"));
    List<JsonObject> events = new NotifierEvents(CLUSTER, scim.tenant()).awaitAll(created.json().getString("id"), 2);
    assertEquals(List.of("user.created", "user.updated"), events.stream().map(e -> e.getString("type")).toList());
    assertEquals("Ada L.", events.get(1).getJsonObject("data").getString("displayName"),
        "the second event is the real change, not a no-op");
  }

  @Test
  void groupWritesThatChangeNothingKeepTheVersionAndEmitNothing() {
    ScimClient scim = CLUSTER.newTenant();
    Response created = scim.post("/Groups", group("Ops", "member-a"));
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    String path = "/Groups/" + id;

    assertEquals("W/\"1\"", scim.patch(path, patch(op("add", "members", members(List.of("member-a")))))
        .header("ETag"), "adding an existing member");
    assertEquals("W/\"1\"", scim.patch(path, patch(op("remove", "members[value eq \"absent\"]", null)))
        .header("ETag"), "removing an absent member");
    assertEquals("W/\"1\"", scim.patch(path, patch(op("Remove", "members",
        members(List.of("absent"))))).header("ETag"), "removing an absent member by value");
    Response samePut = scim.put(path, group("Ops", "member-a"));
    assertEquals("W/\"1\"", assertOk(samePut).getJsonObject("meta").getString("version"));
    assertEquals("W/\"1\"", samePut.header("ETag"));

    assertEquals("W/\"2\"", scim.patch(path, patch(op("add", "members", members(List.of("member-b")))))
        .header("ETag"));
    List<JsonObject> events = new NotifierEvents(CLUSTER, scim.tenant()).awaitAll(id, 2);
    assertEquals(List.of("group.created", "group.updated"), events.stream().map(e -> e.getString("type")).toList());
    assertEquals(new JsonArray().add("member-b"), events.get(1).getJsonObject("data").getJsonArray("membersAdded"),
        "the second event is the real change, not a no-op");
  }

  private static void assertUnchanged(Response created, Response write) {
    JsonObject body = assertOk(write);
    assertEquals("W/\"1\"", write.header("ETag"), write.toString());
    assertEquals("W/\"1\"", body.getJsonObject("meta").getString("version"));
    assertEquals(created.json().getJsonObject("meta").getString("lastModified"),
        body.getJsonObject("meta").getString("lastModified"));
    assertEquals("Ada", body.getString("displayName"));
  }
}
