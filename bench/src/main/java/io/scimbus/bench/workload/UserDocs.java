package io.scimbus.bench.workload;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Request bodies shaped the way Microsoft Entra ID sends them (capitalised ops, booleans as strings). */
final class UserDocs {
  static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private UserDocs() {
  }

  static JsonObject user(String userName, String externalId) {
    String local = userName.substring(0, userName.indexOf('@'));
    return new JsonObject()
        .put("schemas", new JsonArray().add(USER_URN).add(ENTERPRISE_URN))
        .put("externalId", externalId)
        .put("userName", userName)
        .put("active", true)
        .put("displayName", "Bench " + local)
        .put("name", new JsonObject().put("givenName", "Bench").put("familyName", local))
        .put("emails", new JsonArray().add(new JsonObject().put("primary", true).put("type", "work")
            .put("value", userName)))
        .put(ENTERPRISE_URN, new JsonObject().put("department", "Benchmarks"));
  }

  static JsonObject group(String displayName) {
    return new JsonObject().put("schemas", new JsonArray().add(GROUP_URN)).put("displayName", displayName);
  }

  /** One {@code Add} of these member ids, as Entra sends in each batch. */
  static JsonObject addMembers(Iterable<String> ids) {
    JsonArray members = new JsonArray();
    ids.forEach(id -> members.add(new JsonObject().put("value", id)));
    return patch(new JsonObject().put("op", "Add").put("path", "members").put("value", members));
  }

  static JsonObject replace(String path, Object value) {
    return patch(new JsonObject().put("op", "Replace").put("path", path).put("value", value));
  }

  private static JsonObject patch(JsonObject operation) {
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_URN))
        .put("Operations", new JsonArray().add(operation));
  }
}
