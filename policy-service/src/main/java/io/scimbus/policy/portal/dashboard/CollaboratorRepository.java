package io.scimbus.policy.portal.dashboard;

import io.scimbus.policy.Page;
import io.scimbus.policy.portal.PortalUser;
import io.scimbus.policy.roles.RoleRule;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** SQL for portal_collaborators. */
public final class CollaboratorRepository {
  private static final String COLUMNS = Collaborator.COLUMNS;
  private static final String INSERT = "INSERT INTO portal_collaborators (tenant_id, user_id, user_name,"
      + " web_access_role, role, role_source) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING "
      + COLUMNS;
  private static final String GET = "SELECT " + COLUMNS + " FROM portal_collaborators WHERE tenant_id = $1"
      + " AND user_id = $2";
  private static final String SET_ROLE = "UPDATE portal_collaborators SET role = $3, role_source = $4,"
      + " version = version + 1, updated_at = now() WHERE tenant_id = $1 AND user_id = $2 RETURNING " + COLUMNS;
  private static final String REMOVE = "DELETE FROM portal_collaborators WHERE tenant_id = $1 AND user_id = $2"
      + " RETURNING " + COLUMNS;
  private static final String REFRESH = "UPDATE portal_collaborators SET user_name = $3, web_access_role = $4"
      + " WHERE tenant_id = $1 AND user_id = $2";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext($1))";
  private static final String COUNT = "SELECT count(*) FROM portal_collaborators WHERE tenant_id = $1";
  private static final String LIST = "SELECT " + COLUMNS + " FROM portal_collaborators WHERE tenant_id = $1"
      + " ORDER BY created_at, user_id OFFSET $2 LIMIT $3";

  /**
   * Serialises the transactions that decide one user's collaborator: with several replicas, a group event and the
   * user's creation can be applied at once on different partitions, and each must see the other's commit.
   */
  Future<Void> lock(SqlClient tx, String tenant, String userId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of("collaborator/" + tenant + "/" + userId)).mapEmpty();
  }

  /** The new collaborator, or null when the user already is one. */
  Future<Collaborator> add(SqlClient tx, String tenant, PortalUser user, RoleRule.Assigned role) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenant, user.id(), user.userName(), user.webAccessRole(),
        role.role() == null ? null : role.role().label(), role.source().id())).map(CollaboratorRepository::first);
  }

  /** The collaborator, or null. */
  Future<Collaborator> get(SqlClient client, String tenant, String userId) {
    return client.preparedQuery(GET).execute(Tuple.of(tenant, userId)).map(CollaboratorRepository::first);
  }

  Future<Collaborator> setRole(SqlClient tx, String tenant, String userId, RoleRule.Assigned role) {
    return tx.preparedQuery(SET_ROLE).execute(Tuple.of(tenant, userId,
        role.role() == null ? null : role.role().label(), role.source().id())).map(CollaboratorRepository::first);
  }

  /** The removed collaborator, or null when the user was none. */
  Future<Collaborator> remove(SqlClient tx, String tenant, String userId) {
    return tx.preparedQuery(REMOVE).execute(Tuple.of(tenant, userId)).map(CollaboratorRepository::first);
  }

  Future<Void> refresh(SqlClient tx, String tenant, PortalUser user) {
    return tx.preparedQuery(REFRESH).execute(Tuple.of(tenant, user.id(), user.userName(), user.webAccessRole()))
        .mapEmpty();
  }

  Future<Long> count(SqlClient client, String tenant) {
    return client.preparedQuery(COUNT).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<Collaborator>> list(SqlClient client, String tenant, Page page) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant, page.offset(), page.count())).map(rows -> {
      List<Collaborator> collaborators = new ArrayList<>();
      rows.forEach(row -> collaborators.add(Collaborator.of(row)));
      return collaborators;
    });
  }

  private static Collaborator first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Collaborator.of(rows.iterator().next());
  }
}
