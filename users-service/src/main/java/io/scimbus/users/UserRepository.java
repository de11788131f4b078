package io.scimbus.users;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** SQL for scim_users. The tenant is the first argument of every method and leads every WHERE. */
final class UserRepository {
  private static final String COLUMNS =
      "id, user_name, external_id, display_name, active, resource, version, created, last_modified";
  private static final String INSERT = "INSERT INTO scim_users (tenant_id, " + COLUMNS
      + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM scim_users WHERE tenant_id = $1 AND id = $2";

  Future<Void> insert(SqlClient client, String tenant, StoredUser user) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {tenant, user.id(), user.userName(),
        user.externalId(), user.displayName(), user.active(), user.resource(), user.version(), user.created(),
        user.lastModified()})).mapEmpty();
  }

  Future<Optional<StoredUser>> find(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(tenant, id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(read(it.next())) : Optional.empty();
    });
  }

  private static StoredUser read(Row row) {
    return new StoredUser(row.getUUID("id"), row.getString("user_name"), row.getString("external_id"),
        row.getString("display_name"), row.getBoolean("active"), (JsonObject) row.getValue("resource"),
        row.getLong("version"), row.getOffsetDateTime("created"), row.getOffsetDateTime("last_modified"));
  }
}
