package io.scimbus.e2e;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.ServiceRunner;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every stored row that belongs to a set of tenants, read straight from PostgreSQL: rows of every table with a
 * {@code tenant_id} like the marker, and rows of the other tables (tenants, outboxes) whose JSON text contains it.
 * Tables are discovered, so tables added later are covered too. The provisioning log is left out: it records every
 * SCIM write as answered, refused ones included, by design.
 */
final class TenantRows implements AutoCloseable {
  private static final String TABLES = """
      SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
        AND c.table_name = t.table_name AND c.column_name = 'tenant_id')
      FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT LIKE 'provisioning_log%' AND t.table_name NOT LIKE '%_schema_history'
      ORDER BY 1""";

  private final Vertx vertx = Vertx.vertx();
  private final Pool pool;

  TenantRows(String pgUri) {
    pool = PgPools.create(vertx, ServiceRunner.config(new JsonObject().put(ConfigKeys.PG_URI, pgUri)
        .put(ConfigKeys.PG_POOL_SIZE, 2)));
  }

  /** Table name to its rows (as JSON text, sorted) that mention {@code marker}; tables without any are left out. */
  Map<String, List<String>> snapshot(String marker) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Row table : pool.query(TABLES).execute().await()) {
      String name = table.getString(0);
      String where = table.getBoolean(1) ? "t.tenant_id ILIKE $1" : "row_to_json(t)::text ILIKE $1";
      List<String> found = new ArrayList<>();
      pool.preparedQuery("SELECT row_to_json(t)::text FROM \"" + name + "\" t WHERE " + where + " ORDER BY 1")
          .execute(Tuple.of("%" + marker + "%")).await().forEach(row -> found.add(row.getString(0)));
      if (!found.isEmpty()) {
        rows.put(name, found);
      }
    }
    return rows;
  }

  /** Rows waiting in any outbox, of every tenant: zero once every relay has caught up. */
  long outboxBacklog() {
    long rows = 0;
    for (Row table : pool.query(TABLES).execute().await()) {
      String name = table.getString(0);
      if (name.endsWith("outbox")) {
        rows += pool.query("SELECT count(*) FROM \"" + name + "\"").execute().await().iterator().next().getLong(0);
      }
    }
    return rows;
  }

  /** Rows in {@code after} but not {@code before} (+) and the other way round (-), per table; empty when equal. */
  static List<String> diff(Map<String, List<String>> before, Map<String, List<String>> after) {
    List<String> changes = new ArrayList<>();
    Map<String, Boolean> tables = new TreeMap<>();
    before.keySet().forEach(t -> tables.put(t, true));
    after.keySet().forEach(t -> tables.put(t, true));
    for (String table : tables.keySet()) {
      List<String> was = before.getOrDefault(table, List.of());
      List<String> now = after.getOrDefault(table, List.of());
      now.stream().filter(row -> !was.contains(row)).forEach(row -> changes.add(table + " + " + row));
      was.stream().filter(row -> !now.contains(row)).forEach(row -> changes.add(table + " - " + row));
    }
    return changes;
  }

  @Override
  public void close() {
    pool.close().await();
    vertx.close().await();
  }
}
