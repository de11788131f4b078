package io.scimbus.groups;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for scim_group_members. Every change is one set-based statement over arrays of ids, whatever their number, and
 * reports the ids it really changed ({@code RETURNING}), so a write never reads the member list into Java. The
 * tenant is the first argument of every method and leads every WHERE.
 */
final class MemberRepository {
  private static final String INSERT = """
      INSERT INTO scim_group_members (tenant_id, group_id, member_id, member_type)
      SELECT $1, $2, m.id, m.type FROM unnest($3::text[], $4::text[]) AS m(id, type)
      ON CONFLICT DO NOTHING
      RETURNING member_id""";
  private static final String DELETE = "DELETE FROM scim_group_members"
      + " WHERE tenant_id = $1 AND group_id = $2 AND member_id = ANY($3::text[]) RETURNING member_id";
  private static final String DELETE_OTHERS = "DELETE FROM scim_group_members"
      + " WHERE tenant_id = $1 AND group_id = $2 AND NOT (member_id = ANY($3::text[])) RETURNING member_id";
  private static final String OF_GROUP = "SELECT member_id, member_type FROM scim_group_members"
      + " WHERE tenant_id = $1 AND group_id = $2 ORDER BY member_id";
  private static final String GROUPS_AMONG = "SELECT id FROM scim_groups WHERE tenant_id = $1 AND id = ANY($2::uuid[])";
  private static final String OF_GROUPS = "SELECT group_id, member_id, member_type FROM scim_group_members"
      + " WHERE tenant_id = $1 AND group_id = ANY($2::uuid[]) ORDER BY group_id, member_id";

  /** {@code members} with the type their ids give them ({@link MemberTypes}); refuses a contradicting type. */
  Future<List<Member>> typed(SqlClient tx, String tenant, List<Member> members) {
    List<UUID> candidates = MemberTypes.candidates(members);
    if (candidates.isEmpty()) {
      return Future.succeededFuture(MemberTypes.derive(members, Set.of()));
    }
    Tuple params = Tuple.tuple().addString(tenant).addArrayOfUUID(candidates.toArray(UUID[]::new));
    return tx.preparedQuery(GROUPS_AMONG).execute(params).map(rows -> {
      Set<UUID> groups = new HashSet<>();
      rows.forEach(row -> groups.add(row.getUUID(0)));
      return MemberTypes.derive(members, groups);
    });
  }

  /** Deletes the memberships of {@code ids}; ids that are not members are no-ops and not returned. */
  Future<List<String>> remove(SqlClient tx, String tenant, UUID group, List<String> ids) {
    return ids(tx.preparedQuery(DELETE).execute(Tuple.of(tenant, group, ids.toArray(String[]::new))));
  }

  /** Makes the group hold exactly {@code members}: drops the others, then inserts the missing ones. */
  Future<Void> replace(SqlClient tx, String tenant, UUID group, List<Member> members, MemberChanges changes) {
    String[] keep = members.stream().map(Member::value).toArray(String[]::new);
    return ids(tx.preparedQuery(DELETE_OTHERS).execute(Tuple.of(tenant, group, keep)))
        .compose(removed -> {
          changes.removed(removed);
          return add(tx, tenant, group, members);
        })
        .map(added -> {
          changes.added(added);
          return null;
        });
  }

  /** Inserts {@code members}; the ids already present are left as they are and not returned. */
  Future<List<String>> add(SqlClient tx, String tenant, UUID group, List<Member> members) {
    if (members.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String[] ids = members.stream().map(Member::value).toArray(String[]::new);
    String[] types = members.stream().map(Member::type).toArray(String[]::new);
    return ids(tx.preparedQuery(INSERT).execute(Tuple.of(tenant, group, ids, types)));
  }

  Future<List<Member>> ofGroup(SqlClient client, String tenant, UUID group) {
    return client.preparedQuery(OF_GROUP).execute(Tuple.of(tenant, group)).map(rows -> {
      List<Member> members = new ArrayList<>(rows.size());
      for (Row row : rows) {
        members.add(new Member(row.getString(0), row.getString(1)));
      }
      return members;
    });
  }

  /** The members of a page of groups in one query; groups without members are absent from the map. */
  Future<Map<UUID, List<Member>>> ofGroups(SqlClient client, String tenant, List<UUID> groups) {
    if (groups.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    // Built explicitly: Tuple.of(tenant, array) would spread the array as varargs.
    Tuple params = Tuple.tuple().addString(tenant).addArrayOfUUID(groups.toArray(UUID[]::new));
    return client.preparedQuery(OF_GROUPS).execute(params).map(rows -> {
      Map<UUID, List<Member>> members = new LinkedHashMap<>();
      for (Row row : rows) {
        members.computeIfAbsent(row.getUUID(0), id -> new ArrayList<>())
            .add(new Member(row.getString(1), row.getString(2)));
      }
      return members;
    });
  }

  private static Future<List<String>> ids(Future<RowSet<Row>> rows) {
    return rows.map(set -> {
      List<String> ids = new ArrayList<>(set.rowCount());
      for (Row row : set) {
        ids.add(row.getString(0));
      }
      return ids;
    });
  }
}
