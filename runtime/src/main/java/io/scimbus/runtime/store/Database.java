package io.scimbus.runtime.store;

import io.scimbus.runtime.Futures;
import io.scimbus.runtime.bus.Deadline;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way services work on their PostgreSQL pool, instead of {@code Pool.withConnection}/{@code withTransaction}.
 *
 * <p>A connection always goes back to the pool, however the work fails: {@code Pool.withConnection} releases it only
 * once the work's future completes, so work that threw before returning one (a filter that does not compile) kept
 * its connection forever, and a few such requests starved every tenant.
 *
 * <p>A transaction is bounded by the request's {@link Deadline}: {@code statement_timeout} is set from the time left
 * when it begins (no statement runs longer), and no COMMIT is sent once the deadline has passed. Either way the transaction rolls back and the request fails with 503,
 * so the gateway's 503 never hides a write that committed. A request already late is refused before it takes a
 * connection.
 */
public final class Database {
  private static final String STATEMENT_TIMEOUT = "SELECT set_config('statement_timeout', $1, true)";
  private static final String READ_SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";
  private static final String QUERY_CANCELED = "57014";

  private final Pool pool;

  public Database(Pool pool) {
    this.pool = pool;
  }

  /** Reads on one connection, outside a transaction. */
  public <T> Future<T> read(Deadline deadline, Function<SqlConnection, Future<T>> work) {
    return connection(deadline, work);
  }

  /** Reads in one repeatable-read snapshot, so that a count and its page, or a row and its children, agree. */
  public <T> Future<T> snapshot(Deadline deadline, Function<SqlConnection, Future<T>> work) {
    return connection(deadline, conn -> conn.begin().compose(tx -> bounded(conn, tx, deadline,
        () -> conn.query(READ_SNAPSHOT).execute().mapEmpty(), work)));
  }

  /** Runs {@code work} in one transaction that commits only if it succeeded before {@code deadline}. */
  public <T> Future<T> transaction(Deadline deadline, Function<SqlConnection, Future<T>> work) {
    return connection(deadline, conn -> conn.begin().compose(tx -> bounded(conn, tx, deadline,
        () -> Future.succeededFuture(), work)));
  }

  private <T> Future<T> connection(Deadline deadline, Function<SqlConnection, Future<T>> work) {
    if (deadline.passed()) {
      return Future.failedFuture(deadline.expired());
    }
    return pool.getConnection().compose(conn -> Futures.attempt(() -> work.apply(conn)).eventually(conn::close));
  }

  /** {@code opening} runs first: PostgreSQL takes the isolation level only before any other statement. */
  private static <T> Future<T> bounded(SqlConnection conn, Transaction tx, Deadline deadline,
      Supplier<Future<Void>> opening, Function<SqlConnection, Future<T>> work) {
    return opening.get()
        .compose(v -> limit(conn, deadline))
        .compose(v -> work.apply(conn))
        .compose(result -> deadline.passed() ? Future.failedFuture(deadline.expired()) : tx.commit().map(result))
        .recover(failure -> tx.rollback().transform(ignored -> Future.failedFuture(cause(failure, deadline))));
  }

  /** Lets no statement of the transaction outlive the deadline; PostgreSQL cancels one that would. */
  private static Future<Void> limit(SqlConnection conn, Deadline deadline) {
    if (!deadline.bounded()) {
      return Future.succeededFuture();
    }
    long remaining = deadline.remainingMillis();
    if (remaining <= 0) {
      return Future.failedFuture(deadline.expired());
    }
    return conn.preparedQuery(STATEMENT_TIMEOUT).execute(Tuple.of(Long.toString(remaining))).mapEmpty();
  }

  private static Throwable cause(Throwable failure, Deadline deadline) {
    return failure instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState()) && deadline.bounded()
        ? deadline.expired() : failure;
  }
}
