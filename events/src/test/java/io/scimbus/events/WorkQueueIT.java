package io.scimbus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkQueueIT {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long PATIENCE_MS = 30_000;

  private Vertx vertx;
  private Pool pool;
  private String table;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    pool = TestDatabase.pool(vertx);
    table = TestDatabase.createQueueTable(pool);
  }

  @AfterEach
  void tearDown() {
    vertx.close().await();
  }

  @Test
  void queuesWorkingOneTableNeverClaimTheSameItem() {
    for (int i = 0; i < 300; i++) {
      add("key-" + i, "group-" + (i % 10), i);
    }
    Map<Long, AtomicInteger> claims = new ConcurrentHashMap<>();
    WorkQueue.Worker worker = item -> {
      claims.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
      return later(ThreadLocalRandom.current().nextInt(5)).map(new WorkQueue.Outcome.Done());
    };
    for (int i = 0; i < 3; i++) {
      deploy(new WorkQueue.Settings(table, 8, 8, LEASE, POLL), worker);
    }
    await(() -> claims.size() == 300 && remaining() == 0);
    assertTrue(claims.values().stream().allMatch(n -> n.get() == 1), "every item claimed once: " + claims);
  }

  @Test
  void oneKeyIsWorkedOneItemAtATimeInOrderAcrossQueues() {
    int keys = 6;
    int perKey = 30;
    for (int seq = 0; seq < perKey; seq++) {
      for (int k = 0; k < keys; k++) {
        add("key-" + k, "group-" + k, seq);
      }
    }
    Map<String, List<Integer>> worked = new ConcurrentHashMap<>();
    Set<String> busyKeys = ConcurrentHashMap.newKeySet();
    List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    WorkQueue.Worker worker = item -> {
      if (!busyKeys.add(item.orderingKey())) {
        overlaps.add(item.orderingKey() + "#" + item.row().getInteger("seq"));
      }
      worked.computeIfAbsent(item.orderingKey(), k -> Collections.synchronizedList(new ArrayList<>()))
          .add(item.row().getInteger("seq"));
      return later(ThreadLocalRandom.current().nextInt(3))
          .onComplete(v -> busyKeys.remove(item.orderingKey()))
          .map(new WorkQueue.Outcome.Done());
    };
    for (int i = 0; i < 3; i++) {
      deploy(new WorkQueue.Settings(table, 8, 8, LEASE, POLL), worker);
    }
    await(() -> remaining() == 0);
    List<Integer> expected = new ArrayList<>();
    for (int seq = 0; seq < perKey; seq++) {
      expected.add(seq);
    }
    assertEquals(keys, worked.size());
    worked.forEach((key, seqs) -> assertEquals(expected, seqs, key + " worked out of order"));
    assertEquals(List.of(), overlaps, "items of one key in flight together");
  }

  @Test
  void failedItemWaitsOutItsBackoffAndHoldsBackTheNextItemOfItsKey() {
    add("key", "group", 1);
    add("key", "group", 2);
    Duration backoff = Duration.ofMillis(300);
    List<long[]> attempts = Collections.synchronizedList(new ArrayList<>());
    deploy(new WorkQueue.Settings(table, 4, 4, LEASE, Duration.ofSeconds(5)), item -> {
      attempts.add(new long[] {item.row().getInteger("seq"), item.attempt(), System.nanoTime()});
      boolean fails = item.row().getInteger("seq") == 1 && item.attempt() < 3;
      return Future.succeededFuture(fails ? new WorkQueue.Outcome.Retry(backoff, "HTTP 500")
          : new WorkQueue.Outcome.Done());
    });
    await(() -> remaining() == 0);
    assertEquals(List.of("1#1", "1#2", "1#3", "2#1"), attempts.stream().map(a -> a[0] + "#" + a[1]).toList());
    for (int i = 1; i < 3; i++) {
      long gapMs = (attempts.get(i)[2] - attempts.get(i - 1)[2]) / 1_000_000;
      assertTrue(gapMs >= backoff.toMillis(), "attempt " + (i + 1) + " came after " + gapMs + " ms");
    }
  }

  @Test
  void deadItemStaysAsideAndNoLongerHoldsBackItsKey() {
    add("key", "group", 1);
    add("key", "group", 2);
    List<Integer> worked = Collections.synchronizedList(new ArrayList<>());
    deploy(new WorkQueue.Settings(table, 4, 4, LEASE, POLL), item -> {
      worked.add(item.row().getInteger("seq"));
      return Future.succeededFuture(item.row().getInteger("seq") == 1 ? new WorkQueue.Outcome.Dead("gave up")
          : new WorkQueue.Outcome.Done());
    });
    await(() -> worked.contains(2));
    Row dead = pool.query("SELECT seq, state, attempts, last_error FROM " + table).execute().await().iterator().next();
    assertEquals(List.of(1, "dead", 1, "gave up"), List.of(dead.getInteger(0), dead.getString(1),
        dead.getInteger(2), dead.getString(3)));
  }

  @Test
  void slowGroupHoldsAtMostItsShareOfWorkers() {
    for (int i = 0; i < 20; i++) {
      add("slow-" + i, "slow", i);
    }
    for (int i = 0; i < 5; i++) {
      add("fast-" + i, "fast", i);
    }
    Promise<WorkQueue.Outcome> slowAnswer = Promise.promise();
    Set<String> slowInFlight = ConcurrentHashMap.newKeySet();
    Set<String> fastDone = ConcurrentHashMap.newKeySet();
    deploy(new WorkQueue.Settings(table, 8, 2, LEASE, POLL), item -> {
      if (item.groupKey().equals("slow")) {
        slowInFlight.add(item.orderingKey());
        return slowAnswer.future();
      }
      fastDone.add(item.orderingKey());
      return Future.succeededFuture(new WorkQueue.Outcome.Done());
    });
    await(() -> fastDone.size() == 5);
    assertEquals(2, slowInFlight.size(), "slow items in flight: " + slowInFlight);
    slowAnswer.complete(new WorkQueue.Outcome.Done());
    await(() -> remaining() == 0);
  }

  @Test
  void itemWhoseWorkerVanishedIsClaimedAgainWhenItsLeaseRunsOut() {
    add("key", "group", 1);
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    deploy(new WorkQueue.Settings(table, 4, 4, Duration.ofMillis(500), POLL), item -> {
      attempts.add(item.attempt());
      // the first claim never answers, as if its worker had died
      return item.attempt() == 1 ? Promise.<WorkQueue.Outcome>promise().future()
          : Future.succeededFuture(new WorkQueue.Outcome.Done());
    });
    await(() -> remaining() == 0);
    assertEquals(List.of(1, 2), attempts);
  }

  private void add(String key, String group, int seq) {
    pool.preparedQuery("INSERT INTO " + table + " (ordering_key, group_key, seq) VALUES ($1, $2, $3)")
        .execute(Tuple.of(key, group, seq)).await();
  }

  private long remaining() {
    return pool.query("SELECT count(*) FROM " + table).execute().await().iterator().next().getLong(0);
  }

  private void deploy(WorkQueue.Settings settings, WorkQueue.Worker worker) {
    vertx.deployVerticle(new QueueHost(settings, worker)).await();
  }

  private Future<Void> later(long ms) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(Math.max(1, ms), id -> done.complete());
    return done.future();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + PATIENCE_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + PATIENCE_MS + " ms");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
