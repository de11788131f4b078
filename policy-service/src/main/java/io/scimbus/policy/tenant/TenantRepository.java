package io.scimbus.policy.tenant;

import io.scimbus.policy.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL for tenants. Deleted tenants are invisible here except to {@link #create}, which never reuses their id. */
public final class TenantRepository {
  private static final String COLUMNS = "id, display_name, profile->>'name', created_at, updated_at";
  private static final String INSERT = "INSERT INTO tenants (id, display_name, profile) VALUES ($1, $2, $3)"
      + " RETURNING " + COLUMNS;
  private static final String GET = "SELECT " + COLUMNS + " FROM tenants WHERE id = $1 AND deleted_at IS NULL";
  private static final String LOCK = "SELECT id FROM tenants WHERE id = $1 AND deleted_at IS NULL FOR UPDATE";
  private static final String COUNT = "SELECT count(*) FROM tenants WHERE deleted_at IS NULL";
  private static final String LIST = "SELECT " + COLUMNS + " FROM tenants WHERE deleted_at IS NULL"
      + " ORDER BY id OFFSET $1 LIMIT $2";
  private static final String RENAME = "UPDATE tenants SET display_name = $2, updated_at = now()"
      + " WHERE id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS;
  private static final String DELETE = "UPDATE tenants SET deleted_at = now(), updated_at = now()"
      + " WHERE id = $1 AND deleted_at IS NULL";
  private static final String PROFILE = "SELECT profile FROM tenants WHERE id = $1 AND deleted_at IS NULL";
  private static final String SET_PROFILE = "UPDATE tenants SET profile = $2, updated_at = now()"
      + " WHERE id = $1 AND deleted_at IS NULL";

  /** The created tenant; a unique violation (the id exists or existed) is the caller's to map. */
  Future<JsonObject> create(SqlClient client, String tenant, String displayName, JsonObject profile) {
    return client.preparedQuery(INSERT).execute(Tuple.of(tenant, displayName, profile))
        .map(rows -> toJson(rows.iterator().next()));
  }

  /** The tenant, or null when it does not exist or was deleted. */
  public Future<JsonObject> get(SqlClient client, String tenant) {
    return client.preparedQuery(GET).execute(Tuple.of(tenant))
        .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  /** Succeeds when the tenant exists and is not deleted; 404 otherwise. */
  public Future<Void> requireLive(SqlClient client, String tenant) {
    return get(client, tenant).compose(found -> found == null ? Future.failedFuture(TenantActions.notFound(tenant))
        : Future.succeededFuture());
  }

  /** Locks a live tenant's row for the transaction, so token changes of one tenant serialise; false if none. */
  public Future<Boolean> lock(SqlClient tx, String tenant) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(tenant)).map(rows -> rows.size() == 1);
  }

  Future<Long> count(SqlClient client) {
    return client.query(COUNT).execute().map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<JsonObject>> list(SqlClient client, Page page) {
    return client.preparedQuery(LIST).execute(Tuple.of(page.offset(), page.count())).map(rows -> {
      List<JsonObject> tenants = new ArrayList<>();
      rows.forEach(row -> tenants.add(toJson(row)));
      return tenants;
    });
  }

  /** The renamed tenant, or null when there is none. */
  Future<JsonObject> rename(SqlClient client, String tenant, String displayName) {
    return client.preparedQuery(RENAME).execute(Tuple.of(tenant, displayName))
        .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  Future<Boolean> delete(SqlClient tx, String tenant) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(tenant)).map(rows -> rows.rowCount() == 1);
  }

  /** The profile document, or null when the tenant does not exist. */
  Future<JsonObject> profile(SqlClient client, String tenant) {
    return client.preparedQuery(PROFILE).execute(Tuple.of(tenant))
        .map(rows -> rows.size() == 0 ? null : (JsonObject) rows.iterator().next().getValue(0));
  }

  Future<Boolean> setProfile(SqlClient client, String tenant, JsonObject profile) {
    return client.preparedQuery(SET_PROFILE).execute(Tuple.of(tenant, profile)).map(rows -> rows.rowCount() == 1);
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getString(0))
        .put("displayName", row.getString(1))
        .put("profile", row.getString(2))
        .put("created", row.getOffsetDateTime(3).toInstant().toString())
        .put("updated", row.getOffsetDateTime(4).toInstant().toString());
  }
}
