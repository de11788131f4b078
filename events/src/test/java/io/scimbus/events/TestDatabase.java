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

  /** A queue table with the columns {@link WorkQueue} needs, plus {@code seq} for the tests' own use. */
  static String createQueueTable(Pool pool) {
    String table = freshName("queue");
    pool.query("CREATE TABLE " + table + " (id bigserial PRIMARY KEY, ordering_key text NOT NULL,"
        + " group_key text NOT NULL, state text NOT NULL DEFAULT 'pending', attempts int NOT NULL DEFAULT 0,"
        + " next_attempt_at timestamptz NOT NULL DEFAULT now(), lease_until timestamptz, last_error text,"
        + " seq int NOT NULL)").execute().await();
    return table;
  }
}
