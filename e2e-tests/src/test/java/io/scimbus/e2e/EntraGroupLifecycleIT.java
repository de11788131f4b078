package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.encode;
import static io.scimbus.e2e.GroupRequests.memberIds;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The group cycle of Microsoft Entra ID's provisioning service, with the requests of its SCIM endpoint tutorial
 * ("Develop and plan provisioning for a SCIM endpoint", group operations): look up by displayName without members,
 * create, read without members, add members, remove one by filter, rename, delete.
 */
class EntraGroupLifecycleIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();

  @Test
  void entraProvisioningCycleOfAGroup() {
    ScimClient scim = CLUSTER.newTenant();
    String displayName = "displayName-" + UUID.randomUUID();
    String externalId = UUID.randomUUID().toString();
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();

    Response lookup = scim.get("/Groups?excludedAttributes=members&filter="
        + encode("displayName eq \"" + displayName + "\""));
    assertEquals(200, lookup.status(), lookup.toString());
    assertEquals(0, lookup.json().getInteger("totalResults"));
    assertEquals(new JsonArray(), lookup.json().getJsonArray("Resources"));

    Response created = scim.post("/Groups", new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group")
            .add("http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"))
        .put("externalId", externalId)
        .put("displayName", displayName)
        .put("meta", new JsonObject().put("resourceType", "Group")));
    assertEquals(201, created.status(), created.toString());
    String id = created.json().getString("id");
    String path = "/Groups/" + id;

    Response read = scim.get(path + "?excludedAttributes=members");
    assertEquals(200, read.status(), read.toString());
    assertEquals(displayName, read.json().getString("displayName"));
    assertEquals(externalId, read.json().getString("externalId"));
    assertFalse(read.json().containsKey("members"));

    Response found = scim.get("/Groups?excludedAttributes=members&filter="
        + encode("displayName eq \"" + displayName + "\""));
    assertEquals(1, found.json().getInteger("totalResults"));
    assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));

    Response added = scim.patch(path, patch(op("Add", "members", new JsonArray()
        .add(new JsonObject().putNull("$ref").put("value", first))
        .add(new JsonObject().putNull("$ref").put("value", second)))));
    assertEquals(204, added.status(), added.toString());
    assertEquals(Set.of(first, second), memberIds(scim.get(path).json()));

    Response removed = scim.patch(path, patch(op("Remove", "members[value eq \"" + first + "\"]", null)));
    assertEquals(204, removed.status(), removed.toString());
    assertEquals(Set.of(second), memberIds(scim.get(path).json()));

    Response removedByValue = scim.patch(path, patch(op("Remove", "members", new JsonArray()
        .add(new JsonObject().putNull("$ref").put("value", second)))));
    assertEquals(204, removedByValue.status(), removedByValue.toString());
    assertFalse(scim.get(path).json().containsKey("members"));

    Response renamed = scim.patch(path, patch(op("Replace", "displayName", displayName + "updatedDisplayName")));
    assertEquals(204, renamed.status(), renamed.toString());
    assertEquals(displayName + "updatedDisplayName",
        scim.get(path + "?excludedAttributes=members").json().getString("displayName"));

    assertEquals(204, scim.delete(path).status());
    assertEquals(404, scim.get(path + "?excludedAttributes=members").status());
  }
}
