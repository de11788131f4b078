package io.scimbus.e2e;

import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.TestInfrastructure;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * A PostgreSQL lock the test holds in its own open transaction, so that a service's write must wait for it: the way
 * to make "a write that cannot finish in time" happen on demand. Closing rolls the transaction back.
 */
final class HeldLock implements AutoCloseable {
  private static final String WAITERS = "SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))";

  private final Vertx vertx = Vertx.vertx();
  private final PgConnectOptions options = PgConnectOptions.fromUri(TestInfrastructure.get().pgUri());
  private final SqlConnection holder;
  private final int holderPid;

  /** Runs {@code lockSql} (a {@code LOCK TABLE} or {@code SELECT ... FOR UPDATE}) in a transaction left open. */
  HeldLock(String lockSql, Tuple params) {
    holder = PgConnection.connect(vertx, options).await();
    holder.begin().await();
    holder.preparedQuery(lockSql).execute(params).await();
    holderPid = holder.query("SELECT pg_backend_pid()").execute().await().iterator().next().getInteger(0);
  }

  /** Returns once no session waits for this lock any more; fails after {@code patience}. */
  void awaitNoWaiters(Duration patience) {
    SqlConnection observer = PgConnection.connect(vertx, options).await();
    try {
      Eventually.await(patience, () -> observer.preparedQuery(WAITERS).execute(Tuple.of(holderPid)).await()
          .iterator().next().getLong(0), waiting -> waiting == 0);
    } finally {
      observer.close().await();
    }
  }

  @Override
  public void close() {
    try {
      holder.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
