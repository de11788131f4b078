package io.scimbus.policy.roles;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group names and memberships as the group events told them (portal_groups, portal_group_members), so role mapping
 * reads them locally instead of asking groups-service on every event.
 */
public final class GroupDirectory {
  private static final String NAMES_OF = "SELECT g.display_name FROM portal_group_members m JOIN portal_groups g"
      + " ON g.tenant_id = m.tenant_id AND g.group_id = m.group_id WHERE m.tenant_id = $1 AND m.user_id = $2";
  private static final String NAME = "SELECT display_name FROM portal_groups WHERE tenant_id = $1 AND group_id = $2";
  private static final String UPSERT = "INSERT INTO portal_groups (tenant_id, group_id, display_name)"
      + " VALUES ($1, $2, $3) ON CONFLICT (tenant_id, group_id) DO UPDATE SET display_name = EXCLUDED.display_name";
  private static final String ADD = "INSERT INTO portal_group_members (tenant_id, group_id, user_id)"
      + " SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING";
  private static final String REMOVE = "DELETE FROM portal_group_members WHERE tenant_id = $1 AND group_id = $2"
      + " AND user_id = ANY($3::text[])";
  private static final String MEMBERS = "SELECT user_id FROM portal_group_members WHERE tenant_id = $1"
      + " AND group_id = $2";
  private static final String DROP_MEMBERS = "DELETE FROM portal_group_members WHERE tenant_id = $1"
      + " AND group_id = $2 RETURNING user_id";
  private static final String DROP_GROUP = "DELETE FROM portal_groups WHERE tenant_id = $1 AND group_id = $2";
  private static final String FORGET_USER = "DELETE FROM portal_group_members WHERE tenant_id = $1 AND user_id = $2";

  /** The displayNames of the user's groups. */
  public Future<List<String>> groupNamesOf(SqlClient client, String tenant, String userId) {
    return client.preparedQuery(NAMES_OF).execute(Tuple.of(tenant, userId)).map(GroupDirectory::strings);
  }

  /**
   * Records the group's name and a membership change; the users whose mapped roles may have changed: those added
   * and removed, and every member when the group was renamed.
   */
  public Future<Set<String>> apply(SqlClient tx, String tenant, String groupId, String displayName,
      List<String> added, List<String> removed) {
    Set<String> affected = new LinkedHashSet<>(added);
    affected.addAll(removed);
    return tx.preparedQuery(NAME).execute(Tuple.of(tenant, groupId)).compose(rows -> {
      boolean renamed = rows.size() == 1 && !rows.iterator().next().getString(0).equals(displayName);
      return tx.preparedQuery(UPSERT).execute(Tuple.of(tenant, groupId, displayName))
          .compose(v -> tx.preparedQuery(ADD).execute(Tuple.of(tenant, groupId, added.toArray(new String[0]))))
          .compose(v -> tx.preparedQuery(REMOVE).execute(Tuple.of(tenant, groupId, removed.toArray(new String[0]))))
          .compose(v -> renamed ? tx.preparedQuery(MEMBERS).execute(Tuple.of(tenant, groupId))
              .map(members -> {
                affected.addAll(strings(members));
                return affected;
              }) : Future.succeededFuture(affected));
    });
  }

  /** Forgets the group; its former members. */
  public Future<List<String>> delete(SqlClient tx, String tenant, String groupId) {
    return tx.preparedQuery(DROP_MEMBERS).execute(Tuple.of(tenant, groupId)).compose(rows -> tx.preparedQuery(
        DROP_GROUP).execute(Tuple.of(tenant, groupId)).map(strings(rows)));
  }

  /** A deleted user is in no group any more. */
  public Future<Void> forgetUser(SqlClient tx, String tenant, String userId) {
    return tx.preparedQuery(FORGET_USER).execute(Tuple.of(tenant, userId)).mapEmpty();
  }

  private static List<String> strings(RowSet<Row> rows) {
    List<String> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(row.getString(0)));
    return values;
  }
}
