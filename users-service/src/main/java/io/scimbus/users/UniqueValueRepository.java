package io.scimbus.users;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** SQL for scim_user_unique_values: a user's values of the profile's unique paths, replaced on every write. */
final class UniqueValueRepository {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String CLEAR = "DELETE FROM scim_user_unique_values WHERE tenant_id = $1 AND user_id = $2";
  private static final String INSERT = "INSERT INTO scim_user_unique_values (tenant_id, rule, value, user_id)"
      + " SELECT $1, r, v, $4 FROM unnest($2::text[], $3::text[]) AS u(r, v)";
  private static final String OWNER = "SELECT rule, value FROM scim_user_unique_values"
      + " WHERE tenant_id = $1 AND rule = ANY($2) AND value = ANY($3) AND user_id <> $4 LIMIT 1";

  /** Replaces the user's stored values; 409 uniqueness naming the rule and value when another user holds one. */
  Future<Void> replace(SqlClient tx, String tenant, UUID userId, Map<String, Set<String>> values) {
    return tx.preparedQuery(CLEAR).execute(Tuple.of(tenant, userId)).compose(v -> add(tx, tenant, userId, values));
  }

  /** Stores the values of a user that has none yet (a create): nothing to clear, and no statement when empty. */
  Future<Void> add(SqlClient tx, String tenant, UUID userId, Map<String, Set<String>> values) {
    List<String> rules = new ArrayList<>();
    List<String> flat = new ArrayList<>();
    values.forEach((rule, set) -> set.forEach(value -> {
      rules.add(rule);
      flat.add(value);
    }));
    if (flat.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] ruleArray = rules.toArray(String[]::new);
    String[] valueArray = flat.toArray(String[]::new);
    // Look first so the error can name the value; the primary key still decides under concurrency.
    return tx.preparedQuery(OWNER).execute(Tuple.of(tenant, ruleArray, valueArray, userId))
        .compose(rows -> {
          if (rows.iterator().hasNext()) {
            var row = rows.iterator().next();
            return Future.failedFuture(taken(row.getString("rule"), row.getString("value")));
          }
          return tx.preparedQuery(INSERT).execute(Tuple.of(tenant, ruleArray, valueArray, userId))
              .recover(e -> Future.failedFuture(e instanceof PgException pg
                  && UNIQUE_VIOLATION.equals(pg.getSqlState()) ? taken("a unique attribute", "its value") : e))
              .mapEmpty();
        });
  }

  private static ScimException taken(String rule, String value) {
    return ScimException.uniqueness(rule + " \"" + value + "\" is already used by another user of this tenant");
  }
}
