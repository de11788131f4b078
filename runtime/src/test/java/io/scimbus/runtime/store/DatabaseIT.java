package io.scimbus.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.contract.BusErrors;
import io.scimbus.core.error.ScimException;
import io.scimbus.devstack.Postgres;
import io.scimbus.runtime.bus.Deadline;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Database} against a real PostgreSQL, on a pool of one connection: a connection lost once would make the
 * next call wait for ever, so every test ends by proving the connection came back.
 */
class DatabaseIT {
  private static final long PROMPTLY_SECONDS = 5;
  private static Postgres postgres;
  private static Vertx vertx;
  private static Pool pool;
  private static Database db;
  private String key;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(postgres.uri())).using(vertx).build();
    db = new Database(pool);
    pool.query("CREATE TABLE IF NOT EXISTS notes (key text PRIMARY KEY)").execute().await();
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    vertx.close().await();
    postgres.close();
  }

  @BeforeEach
  void freshKey() {
    key = UUID.randomUUID().toString();
  }

  @Test
  void workThatThrowsBeforeReturningAFutureGivesItsConnectionBack() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertScim(400, db.read(Deadline.NONE, conn -> {
        throw ScimException.invalidFilter("does not compile");
      }));
      assertScim(400, db.transaction(soon(), conn -> {
        throw ScimException.invalidFilter("does not compile");
      }));
    }
    assertConnectionFree();
  }

  @Test
  void aStatementThatOutlivesTheDeadlineIsCancelledAnd503() throws Exception {
    ScimException late = assertScim(503, db.transaction(Deadline.beforeSender(System.currentTimeMillis() + 900),
        conn -> insert(conn).compose(v -> conn.query("SELECT pg_sleep(30)").execute()).mapEmpty()));
    assertInstanceOf(BusErrors.ServiceUnavailable.class, late);
    assertEquals(0, stored());
    assertConnectionFree();
  }

  @Test
  void nothingIsCommittedOnceTheDeadlinePassed() throws Exception {
    Deadline deadline = Deadline.beforeSender(System.currentTimeMillis() + Deadline.MARGIN_MS + 200);
    // The statements finish in time; the work then outlasts the deadline in Java, so only the COMMIT is late.
    assertScim(503, db.transaction(deadline, conn -> insert(conn).compose(v -> after(deadline))));
    assertEquals(0, stored());
    assertConnectionFree();
  }

  @Test
  void aRequestAlreadyLateIsRefusedWithoutWork() throws Exception {
    Deadline late = Deadline.beforeSender(System.currentTimeMillis() - 1);
    assertScim(503, db.transaction(late, conn -> insert(conn)));
    assertScim(503, db.read(late, conn -> insert(conn)));
    assertEquals(0, stored());
    assertConnectionFree();
  }

  @Test
  void aTransactionInTimeCommitsUnderAStatementTimeoutFromTheTimeLeft() throws Exception {
    String timeout = db.transaction(soon(), conn -> insert(conn)
            .compose(v -> conn.query("SHOW statement_timeout").execute())
            .map(rows -> rows.iterator().next().getString(0)))
        .await(PROMPTLY_SECONDS, TimeUnit.SECONDS);
    long millis = timeout.endsWith("ms") ? Long.parseLong(timeout.replace("ms", ""))
        : Long.parseLong(timeout.replace("s", "")) * 1000;
    assertTrue(millis > 0 && millis <= 60_000 - Deadline.MARGIN_MS, "statement_timeout " + timeout);
    assertEquals(1, stored());
    assertEquals("0", pool.query("SHOW statement_timeout").execute().await().iterator().next().getString(0),
        "the timeout was local to the transaction");
  }

  private static Deadline soon() {
    return Deadline.beforeSender(System.currentTimeMillis() + 60_000);
  }

  private Future<Void> insert(SqlConnection conn) {
    return conn.preparedQuery("INSERT INTO notes (key) VALUES ($1)").execute(Tuple.of(key)).mapEmpty();
  }

  private static Future<Void> after(Deadline deadline) {
    // On a busy machine the deadline may have passed already; a timer needs a positive delay.
    return vertx.timer(Math.max(1, deadline.remainingMillis() + 50)).mapEmpty();
  }

  private long stored() throws Exception {
    return pool.preparedQuery("SELECT count(*) FROM notes WHERE key = $1").execute(Tuple.of(key))
        .await(PROMPTLY_SECONDS, TimeUnit.SECONDS).iterator().next().getLong(0);
  }

  /** With one connection in the pool, this answers only if every earlier call gave it back. */
  private static void assertConnectionFree() throws Exception {
    assertEquals(1, db.read(Deadline.NONE, conn -> conn.query("SELECT 1").execute())
        .await(PROMPTLY_SECONDS, TimeUnit.SECONDS).iterator().next().getInteger(0));
  }

  private static ScimException assertScim(int status, Future<?> outcome) {
    Exception failure = assertThrows(Exception.class, () -> outcome.await(PROMPTLY_SECONDS * 10, TimeUnit.SECONDS));
    ScimException scim = assertInstanceOf(ScimException.class, failure, failure.toString());
    assertEquals(status, scim.status(), scim.detail());
    return scim;
  }
}
