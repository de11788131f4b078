package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shipped preset, driven the way its product's IdP connector provisions, through the whole cluster. */
class ProfilePresetsIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String FOLDERS = "urn:ietf:params:scim:schemas:extension:2.0:CustomExtensionName";
  private static final String METADATA = "urn:ietf:params:scim:schemas:extension:2.0:Metadata";

  /** What Entra ID sends for a user with its default attribute mappings. */
  private static JsonObject entraUser(String userName, String workEmail) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(USER).add("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
        .put("externalId", "ext-" + userName)
        .put("userName", userName)
        .put("active", true)
        .put("displayName", "Ada Lovelace")
        .put("title", "Countess")
        .put("emails", new JsonArray()
            .add(new JsonObject().put("primary", true).put("type", "work").put("value", workEmail))
            .add(new JsonObject().put("type", "home").put("value", "home-" + workEmail)))
        .put("name", new JsonObject().put("givenName", "Ada").put("familyName", "Lovelace"))
        .put("roles", new JsonArray().add(new JsonObject().put("primary", "True").put("value", "Admin")))
        .put("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            new JsonObject().put("department", "Analytics"));
  }

  @Test
  void minimalUsersKeepsTheListedAttributesAndRequiresTheRest() {
    ScimClient scim = CLUSTER.newTenant("minimal-users");

    Response created = scim.post("/Users", entraUser("ada@example.com", "ada@example.com"));
    assertEquals(201, created.status(), created.toString());
    JsonObject user = created.json();
    assertEquals(new JsonObject().put("givenName", "Ada").put("familyName", "Lovelace"), user.getJsonObject("name"));
    assertEquals(1, user.getJsonArray("emails").size());
    assertEquals("work", user.getJsonArray("emails").getJsonObject(0).getString("type"));
    assertNull(user.getValue("title"));
    assertNull(user.getValue("roles"), "roles are not set by SCIM for this product");
    assertNull(user.getValue("displayName"));
    assertEquals(user, scim.get("/Users/" + user.getString("id")).json());

    JsonObject noFamilyName = entraUser("bob@example.com", "bob@example.com");
    noFamilyName.getJsonObject("name").remove("familyName");
    Response missing = scim.post("/Users", noFamilyName);
    assertEquals(400, missing.status(), missing.toString());
    assertEquals("invalidValue", missing.json().getString("scimType"));
    assertTrue(missing.json().getString("detail").contains("name.familyName"));

    Response sameEmail = scim.post("/Users", entraUser("ada.two@example.com", "ADA@example.com"));
    assertEquals(409, sameEmail.status(), sameEmail.toString());
    assertEquals("uniqueness", sameEmail.json().getString("scimType"));

    Response groups = scim.post("/Groups", new JsonObject().put("displayName", "Analysts"));
    assertEquals(403, groups.status(), groups.toString());
    assertEquals(403, scim.get("/Groups?excludedAttributes=members").status());
    JsonArray types = scim.get("/ResourceTypes").json().getJsonArray("Resources");
    assertEquals(List.of("User"), types.stream().map(t -> ((JsonObject) t).getString("id")).toList());
  }

  @Test
  void minimalUsersFreesTheEmailOfADeletedUser() {
    ScimClient scim = CLUSTER.newTenant("minimal-users");
    String id = scim.post("/Users", entraUser("cy@example.com", "cy@example.com")).json().getString("id");
    assertEquals(204, scim.delete("/Users/" + id).status());
    assertEquals(201, scim.post("/Users", entraUser("cy.again@example.com", "cy@example.com")).status());
  }

  @Test
  void appRolesTakesOneRoleOrSeveralAndRefusesUnknownOnes() {
    ScimClient scim = CLUSTER.newTenant("app-roles");
    String id = scim.post("/Users", new JsonObject().put("userName", "dev@example.com")).json().getString("id");

    Response oneRole = scim.patch("/Users/" + id, new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray().add(new JsonObject().put("op", "Add")
            .put("path", "roles[primary eq \"True\"].value").put("value", "Editor"))));
    assertEquals(200, oneRole.status(), oneRole.toString());
    assertEquals("Editor", oneRole.json().getJsonArray("roles").getJsonObject(0).getString("value"));

    Response several = scim.post("/Users", new JsonObject().put("userName", "ops@example.com")
        .put("roles", new JsonArray().add(new JsonObject().put("value", "Admin"))
            .add(new JsonObject().put("value", "Viewer"))));
    assertEquals(201, several.status(), several.toString());
    assertEquals(2, several.json().getJsonArray("roles").size());

    Response unknown = scim.patch("/Users/" + id, new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
        .put("Operations", new JsonArray().add(new JsonObject().put("op", "Replace")
            .put("path", "roles[primary eq \"True\"].value").put("value", "Owner"))));
    assertEquals(400, unknown.status(), unknown.toString());
    assertEquals("invalidValue", unknown.json().getString("scimType"));
    assertEquals("Editor", scim.get("/Users/" + id).json().getJsonArray("roles").getJsonObject(0)
        .getString("value"), "a refused PATCH changes nothing");
    assertEquals(201, scim.post("/Groups", new JsonObject().put("displayName", "Developers")).status());
  }

  @Test
  void enterpriseToolkitChecksUserTypeRolesAndEmailAndStoresFoldersAndMetadata() {
    ScimClient scim = CLUSTER.newTenant("enterprise-toolkit");
    JsonObject tech = new JsonObject()
        .put("schemas", new JsonArray().add(USER).add(FOLDERS).add(METADATA))
        .put("userName", "tech@example.com")
        .put("userType", "Premium")
        .put("emails", new JsonArray().add(new JsonObject().put("type", "work").put("value", "tech@example.com")))
        .put("roles", new JsonArray().add(new JsonObject().put("value", "EnterpriseAdmin")))
        .put(FOLDERS, new JsonObject().put("folders", new JsonArray().add("f-12").add("ext-north")))
        .put(METADATA, new JsonObject().put("badgeId", "4711").put("site", "North"));

    Response created = scim.post("/Users", tech);
    assertEquals(201, created.status(), created.toString());
    assertEquals(new JsonArray().add("f-12").add("ext-north"),
        created.json().getJsonObject(FOLDERS).getJsonArray("folders"));
    assertEquals("4711", created.json().getJsonObject(METADATA).getString("badgeId"));

    Response bySite = scim.get("/Users" + ScimClient.query("filter", METADATA + ":site eq \"North\""));
    assertEquals(200, bySite.status(), bySite.toString());
    assertEquals(1, bySite.json().getInteger("totalResults"));

    assertEquals(400, scim.post("/Users", tech.copy().put("userName", "other@example.com")
        .put("emails", new JsonArray()).put("userType", "premium")).status(), "userType is exact");
    assertEquals(400, scim.post("/Users", tech.copy().put("userName", "not-an-email")
        .put("emails", new JsonArray())).status());
    Response superUser = scim.post("/Users", tech.copy().put("userName", "third@example.com")
        .put("emails", new JsonArray())
        .put("roles", new JsonArray().add(new JsonObject().put("value", "SuperUser"))));
    assertEquals(400, superUser.status(), superUser.toString());
    assertTrue(superUser.json().getString("detail").contains("SuperUser"));
    Response noRole = scim.post("/Users", new JsonObject().put("userName", "login.only@example.com"));
    assertEquals(201, noRole.status(), "no role means app login only");

    JsonArray schemas = scim.get("/Schemas").json().getJsonArray("Resources");
    assertTrue(schemas.stream().anyMatch(s -> FOLDERS.equals(((JsonObject) s).getString("id"))));
    Response group = scim.post("/Groups", new JsonObject().put("displayName", "Field techs")
        .put("members", new JsonArray().add(new JsonObject().put("value", created.json().getString("id")))));
    assertEquals(201, group.status(), group.toString());
  }

  @Test
  void discoveryDescribesExactlyWhatEachPresetAccepts() {
    ScimClient minimal = CLUSTER.newTenant("minimal-users");
    JsonArray schemas = minimal.get("/Schemas").json().getJsonArray("Resources");
    assertEquals(List.of(USER), schemas.stream().map(s -> ((JsonObject) s).getString("id")).toList());
    JsonArray attributes = schemas.getJsonObject(0).getJsonArray("attributes");
    assertEquals(List.of("id", "externalId", "userName", "name", "emails"),
        attributes.stream().map(a -> ((JsonObject) a).getString("name")).toList());
    assertEquals(404, minimal.get("/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").status());
    JsonObject userType = minimal.get("/ResourceTypes/User").json();
    assertNull(userType.getValue("schemaExtensions"), userType.encode());

    ScimClient toolkit = CLUSTER.newTenant("enterprise-toolkit");
    JsonArray extensions = toolkit.get("/ResourceTypes/User").json().getJsonArray("schemaExtensions");
    assertEquals(List.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", FOLDERS, METADATA),
        extensions.stream().map(e -> ((JsonObject) e).getString("schema")).toList());
    JsonObject core = toolkit.get("/Schemas/" + USER).json();
    JsonObject userTypeAttribute = core.getJsonArray("attributes").stream().map(a -> (JsonObject) a)
        .filter(a -> "userType".equals(a.getString("name"))).findFirst().orElseThrow();
    assertEquals(new JsonArray().add("Premium").add("Standard"), userTypeAttribute.getJsonArray("canonicalValues"));

    ScimClient standard = CLUSTER.newTenant();
    JsonObject userName = standard.get("/Schemas/" + USER).json().getJsonArray("attributes").getJsonObject(2);
    assertEquals("userName", userName.getString("name"));
    assertTrue(userName.getString("description").contains("At most 1024 bytes (UTF-8)"), userName.encode());
  }

  @Test
  void aProfileChangeAppliesToTheNextRequest() {
    ScimClient scim = CLUSTER.newTenant();
    assertEquals(201, scim.post("/Groups", new JsonObject().put("displayName", "Before")).status());

    Response set = CLUSTER.admin().put("/tenants/" + scim.tenant() + "/profile",
        new JsonObject().put("preset", "minimal-users"));
    assertEquals(200, set.status(), set.toString());

    assertEquals(403, scim.post("/Groups", new JsonObject().put("displayName", "After")).status());
    assertFalse(scim.get("/ResourceTypes").json().encode().contains("\"Group\""));
  }
}
