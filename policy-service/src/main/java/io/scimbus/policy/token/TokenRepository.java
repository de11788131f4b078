package io.scimbus.policy.token;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for tenant_tokens. Only ids and dates live here; the signed secret exists once, in the admin response. */
public final class TokenRepository {
  private static final String COLUMNS = "id, tenant_id, description, created_at, revoked_at";
  private static final String INSERT = "INSERT INTO tenant_tokens (id, tenant_id, description) VALUES ($1, $2, $3)"
      + " RETURNING " + COLUMNS;
  private static final String LIST = "SELECT " + COLUMNS + " FROM tenant_tokens WHERE tenant_id = $1"
      + " ORDER BY created_at DESC, id";
  private static final String REVOKE = "UPDATE tenant_tokens SET revoked_at = now()"
      + " WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL";
  private static final String EXISTS = "SELECT 1 FROM tenant_tokens WHERE tenant_id = $1 AND id = $2";
  private static final String REVOKE_OTHERS = "UPDATE tenant_tokens SET revoked_at = now()"
      + " WHERE tenant_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id";
  private static final String REVOKE_ALL = "UPDATE tenant_tokens SET revoked_at = now()"
      + " WHERE tenant_id = $1 AND revoked_at IS NULL RETURNING id";
  private static final String ACTIVE = "SELECT 1 FROM tenant_tokens t JOIN tenants n ON n.id = t.tenant_id"
      + " WHERE t.tenant_id = $1 AND t.id = $2 AND t.revoked_at IS NULL AND n.deleted_at IS NULL";

  Future<JsonObject> insert(SqlClient tx, String tenant, UUID id, String description) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(id, tenant, description))
        .map(rows -> toJson(rows.iterator().next()));
  }

  Future<List<JsonObject>> list(SqlClient client, String tenant) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant)).map(rows -> {
      List<JsonObject> tokens = new ArrayList<>();
      rows.forEach(row -> tokens.add(toJson(row)));
      return tokens;
    });
  }

  /** True when the token was active and is now revoked. */
  Future<Boolean> revoke(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(REVOKE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> exists(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(EXISTS).execute(Tuple.of(tenant, id)).map(rows -> rows.size() == 1);
  }

  /** Revokes every active token of the tenant except {@code keep}; the ids it revoked. */
  Future<List<String>> revokeOthers(SqlClient tx, String tenant, UUID keep) {
    return tx.preparedQuery(REVOKE_OTHERS).execute(Tuple.of(tenant, keep)).map(TokenRepository::ids);
  }

  public Future<List<String>> revokeAll(SqlClient tx, String tenant) {
    return tx.preparedQuery(REVOKE_ALL).execute(Tuple.of(tenant)).map(TokenRepository::ids);
  }

  Future<Boolean> isActive(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(tenant, id)).map(rows -> rows.size() == 1);
  }

  private static List<String> ids(Iterable<Row> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(row.getUUID(0).toString()));
    return ids;
  }

  private static JsonObject toJson(Row row) {
    OffsetDateTime revoked = row.getOffsetDateTime(4);
    return new JsonObject()
        .put("id", row.getUUID(0).toString())
        .put("tenant", row.getString(1))
        .put("description", row.getString(2))
        .put("created", row.getOffsetDateTime(3).toInstant().toString())
        .put("revoked", revoked == null ? null : revoked.toInstant().toString())
        .put("active", revoked == null);
  }
}
