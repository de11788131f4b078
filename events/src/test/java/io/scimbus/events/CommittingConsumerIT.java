package io.scimbus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Kafka consumer against real PostgreSQL and Kafka: a record that cannot be stored is parked and the partition
 * moves on; a store that fails for a while loses and duplicates nothing.
 */
class CommittingConsumerIT {
  private static final int RECORDS = 20;

  @Test
  void aPoisonRecordIsDeadLetteredAndTheRecordsAroundItAreStoredAndCommitted() {
    try (QueueFixture queue = new QueueFixture(2)) {
      String table = queue.name + "_store";
      String deadLetters = createTables(queue, table);
      List<Map.Entry<String, String>> records = records(queue);
      // PostgreSQL refuses NUL in text: the whole batch fails until the consumer isolates this record.
      records.set(7, Map.entry("tenant-p", new JsonObject().put("id", "poison").put("text", "a\u0000b").encode()));
      records.set(12, Map.entry("tenant-q", "not json"));
      queue.produce(records);

      CommittingConsumer<JsonObject> consumer = start(queue, table, new DeadLetterStore(deadLetters), batch -> true);

      Eventually.await(QueueFixture.PATIENCE, () -> committed(queue), offset -> offset == RECORDS);
      assertEquals(RECORDS - 2, queue.count("SELECT count(DISTINCT id) FROM " + table));
      assertEquals(RECORDS - 2, queue.count("SELECT count(*) FROM " + table));
      List<Row> parked = new ArrayList<>();
      queue.sql("SELECT tenant_id, queue, error, attempts, convert_from(payload, 'UTF8') FROM " + deadLetters
          + " ORDER BY id").forEach(parked::add);
      assertEquals(2, parked.size());
      Row undecodable = parked.get(0);
      assertEquals("tenant-q", undecodable.getString(0));
      assertEquals(queue.topic, undecodable.getString(1));
      assertEquals(1, undecodable.getInteger(3), "a record that does not parse is not retried");
      assertEquals("not json", undecodable.getString(4));
      Row poison = parked.get(1);
      assertEquals("tenant-p", poison.getString(0));
      assertEquals(3, poison.getInteger(3), "two batch attempts, then one alone");
      assertTrue(poison.getString(2).contains("PgException"), poison.getString(2));
      assertEquals(records.get(7).getValue(), poison.getString(4), "kept byte for byte, NUL included");
      QueueFixture.await(consumer.stop());
    }
  }

  @Test
  void aStoreThatFailsForAWhileIsRetriedWithoutLossOrDuplicates() {
    try (QueueFixture queue = new QueueFixture(5)) {
      String table = queue.name + "_store";
      String deadLetters = createTables(queue, table);
      queue.produce(records(queue));
      AtomicInteger calls = new AtomicInteger();

      CommittingConsumer<JsonObject> consumer = start(queue, table, new DeadLetterStore(deadLetters),
          batch -> calls.incrementAndGet() > 2);

      Eventually.await(QueueFixture.PATIENCE, () -> committed(queue), offset -> offset == RECORDS);
      assertEquals(RECORDS, queue.count("SELECT count(DISTINCT id) FROM " + table));
      assertEquals(RECORDS, queue.count("SELECT count(*) FROM " + table), "no record stored twice");
      assertEquals(0, queue.count("SELECT count(*) FROM " + deadLetters));
      QueueFixture.await(consumer.stop());
    }
  }

  @Test
  void whenNothingCanBeParkedEitherTheConsumerRewindsAndLosesNothing() {
    try (QueueFixture queue = new QueueFixture(2)) {
      String table = queue.name + "_store";
      createTables(queue, table);
      queue.produce(records(queue));
      AtomicInteger calls = new AtomicInteger();
      List<String> storedFrom = Collections.synchronizedList(new ArrayList<>());
      // The batch twice, the first record alone: then parking fails too (no such table) and nothing is committed.
      int oneRound = 3;

      CommittingConsumer<JsonObject> consumer = start(queue, table, new DeadLetterStore(queue.name + "_missing"),
          batch -> {
            boolean healthy = calls.incrementAndGet() > 2 * oneRound;
            if (healthy) {
              storedFrom.add(batch.get(0).getString("id"));
            }
            return healthy;
          });

      Eventually.await(QueueFixture.PATIENCE, calls::get, n -> n > oneRound);
      assertEquals(0L, committed(queue), "nothing committed while nothing could be stored or parked");
      Eventually.await(QueueFixture.PATIENCE, () -> committed(queue), offset -> offset == RECORDS);
      assertEquals("r0", storedFrom.get(0), "the consumer went back and read the failed batch again");
      assertEquals(RECORDS, queue.count("SELECT count(*) FROM " + table));
      assertEquals(RECORDS, queue.count("SELECT count(DISTINCT id) FROM " + table));
      QueueFixture.await(consumer.stop());
    }
  }

  /** A store table without a unique key, so a duplicate would show, and a dead-letter table. */
  private static String createTables(QueueFixture queue, String table) {
    queue.sql("CREATE TABLE " + table + " (id text NOT NULL, text text)");
    return queue.createDeadLetters();
  }

  private static List<Map.Entry<String, String>> records(QueueFixture queue) {
    List<Map.Entry<String, String>> records = new ArrayList<>();
    for (int i = 0; i < RECORDS; i++) {
      records.add(Map.entry("tenant-" + i, new JsonObject().put("id", "r" + i).put("text", "t" + i).encode()));
    }
    return records;
  }

  /** A consumer storing into {@code table}; a batch fails while {@code healthy} says no. */
  private static CommittingConsumer<JsonObject> start(QueueFixture queue, String table, DeadLetterStore deadLetters,
      Function<List<JsonObject>, Boolean> healthy) {
    String insert = "INSERT INTO " + table + " SELECT * FROM unnest($1::text[], $2::text[])";
    CommittingConsumer<JsonObject> consumer = new CommittingConsumer<>(queue.vertx, queue.config,
        "group-" + queue.name, Set.of(queue.topic), json -> json, batch -> {
          if (!healthy.apply(batch)) {
            return Future.failedFuture(new IllegalStateException("database away"));
          }
          String[] ids = batch.stream().map(json -> json.getString("id")).toArray(String[]::new);
          String[] texts = batch.stream().map(json -> json.getString("text")).toArray(String[]::new);
          return queue.pool.preparedQuery(insert).execute(Tuple.from(new Object[] {ids, texts})).mapEmpty();
        }, queue.pool, deadLetters);
    QueueFixture.await(consumer.start());
    return consumer;
  }

  /** The group's committed offset of the topic's one partition (0 before the first commit). */
  private static long committed(QueueFixture queue) {
    KafkaAdminClient admin = KafkaAdminClient.create(queue.vertx,
        Map.of("bootstrap.servers", queue.config.string(ConfigKeys.KAFKA_BOOTSTRAP)));
    try {
      var offsets = QueueFixture.await(admin.listConsumerGroupOffsets("group-" + queue.name));
      var offset = offsets.get(new TopicPartition(queue.topic, 0));
      return offset == null ? 0 : offset.getOffset();
    } finally {
      QueueFixture.await(admin.close());
    }
  }
}
