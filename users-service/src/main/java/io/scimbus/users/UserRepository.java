package io.scimbus.users;

import io.scimbus.resource.ListSql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for scim_users. The tenant is the first argument of every method and leads every WHERE. */
final class UserRepository {
  private static final String COLUMNS =
      "id, user_name, external_id, display_name, active, resource, version, created, last_modified";
  private static final String INSERT = "INSERT INTO scim_users (tenant_id, " + COLUMNS
      + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM scim_users WHERE tenant_id = $1 AND id = $2";
  // Row lock: concurrent PUT/PATCH/DELETE of one user queue here, so each applies to the version it checked.
  private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
  private static final String UPDATE = "UPDATE scim_users SET user_name = $3, external_id = $4, display_name = $5,"
      + " active = $6, resource = $7, version = $8, last_modified = $9 WHERE tenant_id = $1 AND id = $2";
  private static final String DELETE = "DELETE FROM scim_users WHERE tenant_id = $1 AND id = $2";

  Future<Void> insert(SqlClient client, String tenant, StoredUser user) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {tenant, user.id(), user.userName(),
        user.externalId(), user.displayName(), user.active(), user.resource(), user.version(), user.created(),
        user.lastModified()})).mapEmpty();
  }

  Future<Optional<StoredUser>> find(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(tenant, id)).map(UserRepository::first);
  }

  /** Like {@link #find}, locking the row until the caller's transaction ends. */
  Future<Optional<StoredUser>> findForUpdate(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(tenant, id)).map(UserRepository::first);
  }

  Future<Void> update(SqlClient tx, String tenant, StoredUser user) {
    return tx.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {tenant, user.id(), user.userName(),
        user.externalId(), user.displayName(), user.active(), user.resource(), user.version(),
        user.lastModified()})).mapEmpty();
  }

  Future<Void> delete(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).mapEmpty();
  }

  /** How many users match a {@link ListSql#count} statement. */
  Future<Long> count(SqlClient client, ListSql.Statement count) {
    return client.preparedQuery(count.sql()).execute(count.params())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** One page of matching users ({@link ListSql#page}), filtered, sorted and paged by PostgreSQL. */
  Future<List<StoredUser>> page(SqlClient client, ListSql.Statement page) {
    return client.preparedQuery(page.sql()).execute(page.params()).map(rows -> {
      List<StoredUser> users = new ArrayList<>(rows.size());
      rows.forEach(row -> users.add(read(row)));
      return users;
    });
  }

  private static Optional<StoredUser> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(read(it.next())) : Optional.empty();
  }

  private static StoredUser read(Row row) {
    return new StoredUser(row.getUUID("id"), row.getString("user_name"), row.getString("external_id"),
        row.getString("display_name"), row.getBoolean("active"), (JsonObject) row.getValue("resource"),
        row.getLong("version"), row.getOffsetDateTime("created"), row.getOffsetDateTime("last_modified"));
  }
}
