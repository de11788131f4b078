package io.scimbus.groups;

import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.resource.ListSql;
import io.scimbus.sql.ResourceTable;
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

/** SQL for scim_groups. The tenant is the first argument of every method and leads every WHERE. */
final class GroupRepository {
  private static final String COLUMNS = "id, display_name, external_id, resource, version, created, last_modified";
  private static final String INSERT = "INSERT INTO scim_groups (tenant_id, " + COLUMNS
      + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
  private static final String FIND = "SELECT " + COLUMNS + " FROM scim_groups WHERE tenant_id = $1 AND id = $2";
  // Writers lock the group row first, so concurrent PATCHes of one group apply one after the other and each sees
  // the version and members the previous one left.
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String UPDATE = "UPDATE scim_groups SET display_name = $3, external_id = $4, resource = $5,"
      + " version = $6, last_modified = $7 WHERE tenant_id = $1 AND id = $2";
  private static final String DELETE = "DELETE FROM scim_groups WHERE tenant_id = $1 AND id = $2";

  private final ListSql list = new ListSql(ResourceSchema.groups(), ResourceTable.groups(),
      "t.id, t.display_name, t.external_id, t.resource, t.version, t.created, t.last_modified");

  Future<Void> insert(SqlClient client, String tenant, StoredGroup group) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {tenant, group.id(), group.displayName(),
        group.externalId(), group.resource(), group.version(), group.created(), group.lastModified()})).mapEmpty();
  }

  Future<Optional<StoredGroup>> find(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(tenant, id)).map(GroupRepository::first);
  }

  /** Like {@link #find}, holding the row lock until {@code tx} ends. */
  Future<Optional<StoredGroup>> lock(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(tenant, id)).map(GroupRepository::first);
  }

  Future<Void> update(SqlClient tx, String tenant, StoredGroup group) {
    return tx.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {tenant, group.id(), group.displayName(),
        group.externalId(), group.resource(), group.version(), group.lastModified()})).mapEmpty();
  }

  /** Deletes the group; its scim_group_members rows go with it (ON DELETE CASCADE). */
  Future<Void> delete(SqlClient tx, String tenant, UUID id) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).mapEmpty();
  }

  /** The list statements over scim_groups, compiled by callers before they take a connection. */
  ListSql list() {
    return list;
  }

  /** One page of matching groups ({@link ListSql#page}). */
  Future<List<StoredGroup>> page(SqlClient client, ListSql.Statement statement) {
    return client.preparedQuery(statement.sql()).execute(statement.params()).map(rows -> {
      List<StoredGroup> groups = new ArrayList<>(rows.size());
      for (Row row : rows) {
        groups.add(read(row));
      }
      return groups;
    });
  }

  /** How many groups match a {@link ListSql#count} statement. */
  Future<Long> count(SqlClient client, ListSql.Statement statement) {
    return client.preparedQuery(statement.sql()).execute(statement.params())
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Optional<StoredGroup> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(read(it.next())) : Optional.empty();
  }

  private static StoredGroup read(Row row) {
    return new StoredGroup(row.getUUID("id"), row.getString("display_name"), row.getString("external_id"),
        (JsonObject) row.getValue("resource"), row.getLong("version"), row.getOffsetDateTime("created"),
        row.getOffsetDateTime("last_modified"));
  }
}
