package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.LIST_RESPONSE;
import static io.scimbus.e2e.ScimAssertions.assertOk;
import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /.search} at the tenant root (RFC 7644 §3.4.3) searches Users and Groups as one list. */
class RootSearchIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

  @Test
  void pagesRunOverUsersThenGroups() {
    ScimClient scim = tenantWithThreeUsersAndTwoGroups();
    JsonObject all = search(scim, new JsonObject());
    assertEquals(new JsonArray().add(LIST_RESPONSE), all.getJsonArray("schemas"));
    assertEquals(5, all.getInteger("totalResults"));
    assertEquals(List.of("User", "User", "User", "Group", "Group"), types(all));

    JsonObject first = search(scim, new JsonObject().put("startIndex", 1).put("count", 2));
    assertEquals(5, first.getInteger("totalResults"));
    assertEquals(1, first.getInteger("startIndex"));
    assertEquals(2, first.getInteger("itemsPerPage"));
    assertEquals(List.of("User", "User"), types(first));
    assertEquals(List.of("User", "Group"), types(search(scim, new JsonObject().put("startIndex", 3).put("count", 2))));
    JsonObject last = search(scim, new JsonObject().put("startIndex", 5).put("count", 2));
    assertEquals(List.of("Group"), types(last));
    assertEquals(5, last.getInteger("startIndex"));
    assertEquals(List.of(), types(search(scim, new JsonObject().put("startIndex", 6))));
    JsonObject none = search(scim, new JsonObject().put("count", 0));
    assertEquals(5, none.getInteger("totalResults"));
    assertEquals(List.of(), types(none));
  }

  @Test
  void filterAndProjectionApplyToEveryTypeAndATypeWithoutTheAttributeMatchesNothing() {
    ScimClient scim = tenantWithThreeUsersAndTwoGroups();
    JsonObject both = search(scim, new JsonObject().put("filter", "displayName sw \"Root 1\"")
        .put("attributes", new JsonArray().add("displayName")));
    assertEquals(2, both.getInteger("totalResults"), both.encode());
    for (Object resource : both.getJsonArray("Resources")) {
      JsonObject json = (JsonObject) resource;
      assertEquals("Root 1", json.getString("displayName").substring(0, 6));
      assertEquals(null, json.getValue("userName"), "attributes projects: " + json.encode());
    }
    JsonObject usersOnly = search(scim, new JsonObject().put("filter", "userName sw \"root\""));
    assertEquals(3, usersOnly.getInteger("totalResults"), "Groups have no userName: " + usersOnly.encode());
    assertEquals(List.of("User", "User", "User"), types(usersOnly));
    JsonObject excluded = search(scim, new JsonObject().put("excludedAttributes", new JsonArray().add("meta")));
    assertEquals(null, excluded.getJsonArray("Resources").getJsonObject(4).getValue("meta"));

    assertEquals("invalidFilter", assertScimError(400, scim.post("/.search", new JsonObject()
        .put("schemas", new JsonArray().add(SEARCH_REQUEST)).put("filter", "displayName eq"))).getString("scimType"));
    assertEquals("invalidValue", assertScimError(400, scim.post("/.search", new JsonObject()
        .put("schemas", new JsonArray().add(SEARCH_REQUEST)).put("sortOrder", "sideways"))).getString("scimType"));
  }

  @Test
  void aTenantWithoutGroupsSearchesOnlyUsers() {
    ScimClient scim = CLUSTER.newTenant("minimal-users");
    for (int i = 0; i < 2; i++) {
      JsonObject user = new JsonObject().put("userName", "min" + i + "@example.com").put("externalId", "m" + i)
          .put("name", new JsonObject().put("givenName", "M").put("familyName", "U" + i))
          .put("emails", new JsonArray().add(new JsonObject().put("value", "min" + i + "@example.com")
              .put("type", "work").put("primary", true)))
          .put("active", true);
      assertEquals(201, scim.post("/Users", user).status());
    }
    JsonObject all = search(scim, new JsonObject());
    assertEquals(2, all.getInteger("totalResults"), all.encode());
    assertEquals(List.of("User", "User"), types(all));
  }

  private static ScimClient tenantWithThreeUsersAndTwoGroups() {
    ScimClient scim = CLUSTER.newTenant();
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, scim.post("/Users", new JsonObject().put("userName", "root" + i + "@example.com")
          .put("displayName", "Root " + i + " user")).status());
    }
    for (int i = 1; i <= 2; i++) {
      assertEquals(201, scim.post("/Groups", GroupRequests.group("Root " + i + " group")).status());
    }
    return scim;
  }

  private static JsonObject search(ScimClient scim, JsonObject request) {
    return assertOk(scim.post("/.search", request.put("schemas", new JsonArray().add(SEARCH_REQUEST))));
  }

  private static List<String> types(JsonObject list) {
    List<String> types = new ArrayList<>();
    for (Object resource : list.getJsonArray("Resources")) {
      types.add(((JsonObject) resource).getJsonObject("meta", new JsonObject().put("resourceType", "?"))
          .getString("resourceType"));
    }
    return types;
  }
}
