package io.scimbus.policy.portal.dashboard;

import io.scimbus.policy.roles.Role;
import io.scimbus.policy.roles.RoleRule;
import io.scimbus.policy.roles.RoleSource;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A Dashboard collaborator: a user with a role (or none) and who set it. */
public record Collaborator(String userId, String userName, String webAccessRole, Role role, RoleSource roleSource,
    long version, OffsetDateTime created, OffsetDateTime updated) {
  static final String COLUMNS = "user_id, user_name, web_access_role, role, role_source, version, created_at,"
      + " updated_at";

  static Collaborator of(Row row) {
    return new Collaborator(row.getString(0), row.getString(1), row.getString(2), Role.ofLabel(row.getString(3)),
        RoleSource.of(row.getString(4)), row.getLong(5), row.getOffsetDateTime(6), row.getOffsetDateTime(7));
  }

  public RoleRule.Assigned assigned() {
    return new RoleRule.Assigned(role, roleSource);
  }

  public String roleLabel() {
    return role == null ? null : role.label();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("userId", userId)
        .put("userName", userName)
        .put("webAccessRole", webAccessRole)
        .put("role", roleLabel())
        .put("roleSource", roleSource.id())
        .put("version", version)
        .put("created", created.toInstant().toString())
        .put("updated", updated.toInstant().toString());
  }
}
