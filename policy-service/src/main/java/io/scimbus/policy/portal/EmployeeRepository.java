package io.scimbus.policy.portal;

import io.scimbus.policy.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL for portal_employees: the Enterprise Store's employees and the MDM Portal's, one per user and portal. */
public final class EmployeeRepository {
  private static final String COLUMNS = "portal, user_id, user_name, web_access_role, created_at";
  private static final String INSERT = "INSERT INTO portal_employees (tenant_id, portal, user_id, user_name,"
      + " web_access_role) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING " + COLUMNS;
  private static final String REMOVE = "DELETE FROM portal_employees WHERE tenant_id = $1 AND portal = $2"
      + " AND user_id = $3 RETURNING " + COLUMNS;
  private static final String RENAME = "UPDATE portal_employees SET user_name = $3, web_access_role = $4"
      + " WHERE tenant_id = $1 AND user_id = $2";
  private static final String COUNT = "SELECT count(*) FROM portal_employees WHERE tenant_id = $1 AND portal = $2";
  private static final String LIST = "SELECT " + COLUMNS + " FROM portal_employees WHERE tenant_id = $1"
      + " AND portal = $2 ORDER BY created_at, user_id OFFSET $3 LIMIT $4";

  /** The new employee, or null when the user already is one. */
  public Future<JsonObject> add(SqlClient tx, String tenant, Portal portal, PortalUser user) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenant, portal.id(), user.id(), user.userName(),
        user.webAccessRole())).map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  /** The removed employee, or null when the user was none. */
  public Future<JsonObject> remove(SqlClient tx, String tenant, Portal portal, String userId) {
    return tx.preparedQuery(REMOVE).execute(Tuple.of(tenant, portal.id(), userId))
        .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  /** Keeps the user's name and web access role current on every portal. */
  public Future<Void> refresh(SqlClient tx, String tenant, PortalUser user) {
    return tx.preparedQuery(RENAME).execute(Tuple.of(tenant, user.id(), user.userName(), user.webAccessRole()))
        .mapEmpty();
  }

  Future<Long> count(SqlClient client, String tenant, Portal portal) {
    return client.preparedQuery(COUNT).execute(Tuple.of(tenant, portal.id()))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<JsonObject>> list(SqlClient client, String tenant, Portal portal, Page page) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant, portal.id(), page.offset(), page.count()))
        .map(rows -> {
          List<JsonObject> employees = new ArrayList<>();
          rows.forEach(row -> employees.add(toJson(row)));
          return employees;
        });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("portal", row.getString(0))
        .put("userId", row.getString(1))
        .put("userName", row.getString(2))
        .put("webAccessRole", row.getString(3))
        .put("created", row.getOffsetDateTime(4).toInstant().toString());
  }
}
