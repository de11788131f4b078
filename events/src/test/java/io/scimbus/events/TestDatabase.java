package io.scimbus.events;

import io.scimbus.devstack.TestInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** The test PostgreSQL for this module's tests; each test works in tables of its own. */
final class TestDatabase {
  // the servers may outlive this run (SCIMBUS_TEST_PG_URI), so table names are unique per run too
  private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private static final AtomicInteger TABLES = new AtomicInteger();

  private TestDatabase() {
  }

  static Pool pool(Vertx vertx) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
        .connectingTo(PgConnectOptions.fromUri(TestInfrastructure.get().pgUri())).using(vertx).build();
  }

  static String freshName(String prefix) {
    return prefix + "_" + RUN + "_" + TABLES.incrementAndGet();
  }

  /**
   * A queue table with the columns, indexes and head trigger {@link WorkQueue} needs (as notifier's migrations
   * create them), plus {@code seq} for the tests' own use.
   */
  static String createQueueTable(Pool pool) {
    String table = freshName("queue");
    pool.query("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, ordering_key text NOT NULL,"
        + " group_key text NOT NULL, state text NOT NULL DEFAULT 'pending', attempts int NOT NULL DEFAULT 0,"
        + " next_attempt_at timestamptz NOT NULL DEFAULT now(), lease_until timestamptz, last_error text,"
        + " head boolean NOT NULL DEFAULT false, seq int NOT NULL)").execute().await();
    pool.query(HEADS_FUNCTION).execute().await();
    for (String ddl : new String[] {
        "CREATE INDEX ON " + table + " (ordering_key, id) WHERE state = 'pending'",
        "CREATE INDEX ON " + table + " (group_key, next_attempt_at, id) WHERE state = 'pending' AND head",
        "CREATE INDEX ON " + table + " (ordering_key) WHERE state = 'pending' AND head",
        "CREATE INDEX ON " + table + " (group_key) WHERE state = 'pending' AND lease_until IS NOT NULL",
        "CREATE TRIGGER " + table + "_added AFTER INSERT OR DELETE ON " + table
            + " FOR EACH ROW EXECUTE FUNCTION test_work_queue_heads()",
        "CREATE TRIGGER " + table + "_state AFTER UPDATE OF state ON " + table
            + " FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION test_work_queue_heads()"}) {
      pool.query(ddl).execute().await();
    }
    return table;
  }

  // notifier's V004__delivery_heads.sql work_queue_heads(), under a name of its own for a database it may share
  private static final String HEADS_FUNCTION = "CREATE OR REPLACE FUNCTION test_work_queue_heads() RETURNS trigger"
      + " LANGUAGE plpgsql AS $$"
      + " DECLARE queue text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);"
      + " key text := CASE WHEN TG_OP = 'DELETE' THEN OLD.ordering_key ELSE NEW.ordering_key END; first bigint;"
      + " BEGIN PERFORM pg_advisory_xact_lock(hashtextextended(queue || ' ' || key, 0));"
      + " IF TG_OP = 'INSERT' THEN"
      + " EXECUTE format('UPDATE %s SET head = true WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM %s'"
      + " || ' WHERE ordering_key = $2 AND state = ''pending'' AND id < $1)', queue, queue) USING NEW.id, key;"
      + " RETURN NULL; END IF;"
      + " EXECUTE format('SELECT min(id) FROM %s WHERE ordering_key = $1 AND state = ''pending''', queue)"
      + " INTO first USING key;"
      + " EXECUTE format('UPDATE %s SET head = false WHERE ordering_key = $1 AND state = ''pending'' AND head'"
      + " || ' AND id IS DISTINCT FROM $2', queue) USING key, first;"
      + " EXECUTE format('UPDATE %s SET head = true WHERE id = $1 AND NOT head', queue) USING first;"
      + " RETURN NULL; END $$";
}
