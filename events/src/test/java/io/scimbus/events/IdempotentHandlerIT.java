package io.scimbus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotentHandlerIT {
  private Vertx vertx;
  private Pool pool;
  private String log;
  private String effects;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    pool = TestDatabase.pool(vertx);
    log = TestDatabase.freshName("processed");
    effects = TestDatabase.freshName("effects");
    pool.query("CREATE TABLE " + log + " (event_id uuid PRIMARY KEY)").execute().await();
    pool.query("CREATE TABLE " + effects + " (event_id uuid NOT NULL)").execute().await();
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void redeliveredEventsHaveNoSecondEffect() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    IdempotentHandler<UUID> handler = handler(false);
    assertEquals(List.of(a, b), handler.handle(List.of(a, b)).await());
    assertEquals(List.of(c), handler.handle(List.of(b, c, a)).await());
    assertEquals(List.of(a, b, c), applied());
  }

  @Test
  void anIdTwiceInOneBatchIsAppliedOnce() {
    UUID a = UUID.randomUUID();
    assertEquals(List.of(a), handler(false).handle(List.of(a, a)).await());
    assertEquals(List.of(a), applied());
  }

  @Test
  void aFailedEffectRecordsNothingSoTheRedeliveryIsApplied() {
    UUID a = UUID.randomUUID();
    assertThrows(IllegalStateException.class, () -> handler(true).handle(List.of(a)).await());
    assertEquals(List.of(), applied());
    assertEquals(List.of(a), handler(false).handle(List.of(a)).await());
    assertEquals(List.of(a), applied());
  }

  private IdempotentHandler<UUID> handler(boolean failAfterWriting) {
    String insert = "INSERT INTO " + effects + " (event_id) SELECT unnest($1::uuid[])";
    return new IdempotentHandler<>(pool, log, id -> id, (tx, fresh) -> tx.preparedQuery(insert)
        .execute(Tuple.of(fresh.toArray(UUID[]::new)))
        .compose(v -> failAfterWriting ? Future.failedFuture(new IllegalStateException("effect failed"))
            : Future.<Void>succeededFuture()));
  }

  private List<UUID> applied() {
    List<UUID> ids = new java.util.ArrayList<>();
    pool.query("SELECT event_id FROM " + effects + " ORDER BY ctid").execute().await()
        .forEach(row -> ids.add(row.getUUID(0)));
    return ids;
  }
}
