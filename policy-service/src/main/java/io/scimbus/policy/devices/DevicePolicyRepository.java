package io.scimbus.policy.devices;

import io.scimbus.policy.Page;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for device_policies. */
public final class DevicePolicyRepository {
  private static final String COLUMNS = "id, name, created_at, updated_at";
  private static final String INSERT = "INSERT INTO device_policies (tenant_id, id, name) VALUES ($1, $2, $3)"
      + " RETURNING " + COLUMNS;
  private static final String GET = "SELECT " + COLUMNS + " FROM device_policies WHERE tenant_id = $1 AND id = $2";
  private static final String COUNT = "SELECT count(*) FROM device_policies WHERE tenant_id = $1";
  private static final String LIST = "SELECT " + COLUMNS + " FROM device_policies WHERE tenant_id = $1"
      + " ORDER BY created_at, id OFFSET $2 LIMIT $3";
  private static final String RENAME = "UPDATE device_policies SET name = $3, updated_at = now()"
      + " WHERE tenant_id = $1 AND id = $2 RETURNING " + COLUMNS;
  private static final String DELETE = "DELETE FROM device_policies WHERE tenant_id = $1 AND id = $2";

  Future<JsonObject> insert(SqlClient tx, String tenant, String name) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenant, UUID.randomUUID(), name))
        .map(rows -> toJson(rows.iterator().next()));
  }

  /** The policy, or null. */
  Future<JsonObject> get(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(GET).execute(Tuple.of(tenant, id))
        .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  public Future<Boolean> exists(SqlClient client, String tenant, UUID id) {
    return get(client, tenant, id).map(found -> found != null);
  }

  Future<Long> count(SqlClient client, String tenant) {
    return client.preparedQuery(COUNT).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<JsonObject>> list(SqlClient client, String tenant, Page page) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant, page.offset(), page.count())).map(rows -> {
      List<JsonObject> policies = new ArrayList<>();
      rows.forEach(row -> policies.add(toJson(row)));
      return policies;
    });
  }

  Future<JsonObject> rename(SqlClient tx, String tenant, UUID id, String name) {
    return tx.preparedQuery(RENAME).execute(Tuple.of(tenant, id, name))
        .map(rows -> rows.size() == 0 ? null : toJson(rows.iterator().next()));
  }

  /** False when there was no such policy; a policy devices still use fails with a foreign-key violation. */
  Future<Boolean> delete(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID(0).toString())
        .put("name", row.getString(1))
        .put("created", row.getOffsetDateTime(2).toInstant().toString())
        .put("updated", row.getOffsetDateTime(3).toInstant().toString());
  }
}
