package io.scimbus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.core.error.ScimException;
import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.KafkaBroker;
import io.scimbus.devstack.TestInfrastructure;
import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against real PostgreSQL and Kafka: events wait out a Kafka outage and then arrive once; a row
 * Kafka refuses never holds back the others.
 */
class OutboxRelayIT {
  private static final int MAX_ATTEMPTS = 3;
  private static final int OVER_KAFKA_LIMIT = 1_100_000;
  // While Kafka is away each send waits out the producer's wait for metadata, so one attempt lasts that times these.
  private static final int EVENTS_DURING_OUTAGE = 3;

  @Test
  void eventsCommittedWhileKafkaIsDownArriveOnceWhenItIsBack() {
    KafkaBroker broker = KafkaBroker.start(TestInfrastructure.tempDir());
    try (broker; QueueFixture queue = new QueueFixture(MAX_ATTEMPTS, broker.bootstrapServers())) {
      String outbox = queue.createOutbox();
      String deadLetters = queue.createDeadLetters();
      broker.stop();
      Outbox writer = new Outbox(outbox);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < EVENTS_DURING_OUTAGE; i++) {
        ProvisioningEvent event = ProvisioningEvent.of("user.created", "t", "User", "u" + i, 1, "r" + i,
            new JsonObject().put("userName", "user" + i));
        QueueFixture.await(queue.pool.withTransaction(tx -> writer.add(tx, queue.topic, event)));
        keys.add(event.key());
      }

      OutboxRelay relay = new OutboxRelay(queue.vertx, queue.pool, queue.config, outbox,
          new DeadLetterStore(deadLetters));
      queue.vertx.runOnContext(v -> relay.start());
      // Each relay attempt locks the rows it sends, which stamps them with its transaction: a second stamp means an
      // attempt ended while Kafka was away, and the relay tried again.
      long firstAttempt = Eventually.await(QueueFixture.PATIENCE, () -> locker(queue, outbox), xid -> xid != 0);
      Eventually.await(QueueFixture.PATIENCE, () -> locker(queue, outbox), xid -> xid != 0 && xid != firstAttempt);
      assertEquals(EVENTS_DURING_OUTAGE, queue.count("SELECT count(*) FROM " + outbox + " WHERE attempts = 0"),
          "every event still waits, none counted as refused");

      broker.launch();
      Eventually.await(QueueFixture.PATIENCE, () -> queue.count("SELECT count(*) FROM " + outbox), n -> n == 0);
      List<String> published = queue.readWholeTopic().stream().map(ConsumerRecord::key).sorted().toList();
      assertEquals(keys.stream().sorted().toList(), published, "every event published once");
      assertEquals(0, queue.count("SELECT count(*) FROM " + deadLetters));
      QueueFixture.await(relay.stop());
    }
  }

  @Test
  void aRowKafkaRefusesIsDeadLetteredWhileTheOthersArrive() {
    try (QueueFixture queue = new QueueFixture(MAX_ATTEMPTS)) {
      String outbox = queue.createOutbox();
      String deadLetters = queue.createDeadLetters();
      String insert = "INSERT INTO " + outbox + " (topic, record_key, payload) VALUES ($1, $2, $3)";
      queue.sql(insert, queue.topic, "tenant-a/1", new JsonObject().put("n", 1));
      queue.sql(insert, queue.topic, "tenant-b/2", new JsonObject().put("big", "x".repeat(OVER_KAFKA_LIMIT)));
      queue.sql(insert, queue.topic, "tenant-c/3", new JsonObject().put("n", 3));
      double parkedBefore = parked(deadLetters);

      OutboxRelay relay = new OutboxRelay(queue.vertx, queue.pool, queue.config, outbox,
          new DeadLetterStore(deadLetters));
      queue.vertx.runOnContext(v -> relay.start());

      List<ConsumerRecord<String, String>> published = queue.readTopic(2);
      assertEquals(List.of("tenant-a/1", "tenant-c/3"), published.stream().map(ConsumerRecord::key).toList());
      Row letter = Eventually.await(QueueFixture.PATIENCE,
          () -> queue.sql("SELECT tenant_id, record_key, queue, attempts, error, octet_length(payload),"
              + " first_failed_at <= last_failed_at FROM " + deadLetters), rows -> rows.size() == 1)
          .iterator().next();
      assertEquals("tenant-b", letter.getString(0));
      assertEquals("tenant-b/2", letter.getString(1));
      assertEquals(queue.topic, letter.getString(2));
      assertEquals(MAX_ATTEMPTS, letter.getInteger(3));
      assertTrue(letter.getString(4).contains("RecordTooLargeException"), letter.getString(4));
      assertTrue(letter.getInteger(5) > OVER_KAFKA_LIMIT);
      assertTrue(letter.getBoolean(6));
      assertEquals(0, queue.count("SELECT count(*) FROM " + outbox), "moved, not copied");
      assertEquals(parkedBefore + 1, Eventually.await(QueueFixture.PATIENCE, () -> parked(deadLetters),
          value -> value > parkedBefore));

      queue.sql(insert, queue.topic, "tenant-b/2", new JsonObject().put("n", 4));
      relay.wake();
      assertEquals("tenant-b/2", queue.readTopic(3).get(2).key(), "the same resource's later events flow on");
      QueueFixture.await(relay.stop());
    }
  }

  @Test
  void anEventOverTheLimitFailsTheWriteWith413AndLeavesNoRow() {
    try (QueueFixture queue = new QueueFixture(MAX_ATTEMPTS)) {
      String outbox = queue.createOutbox();
      Outbox writer = new Outbox(outbox);
      ProvisioningEvent fits = ProvisioningEvent.of("user.created", "t", "User", "1", 1, "r",
          new JsonObject().put("nickName", "x".repeat(Outbox.MAX_EVENT_BYTES - 1000)));
      ProvisioningEvent tooLarge = ProvisioningEvent.of("user.created", "t", "User", "2", 1, "r",
          new JsonObject().put("nickName", "x".repeat(Outbox.MAX_EVENT_BYTES)));

      QueueFixture.await(queue.pool.withTransaction(tx -> writer.add(tx, queue.topic, fits)));
      Throwable refused = QueueFixture.await(queue.pool.withTransaction(tx -> writer.add(tx, queue.topic, tooLarge))
          .transform(result -> Future.succeededFuture(result.cause())));

      ScimException error = assertInstanceOf(ScimException.class, refused);
      assertEquals(413, error.status());
      assertTrue(error.detail().contains(Integer.toString(Outbox.MAX_EVENT_BYTES)), error.detail());
      assertEquals(List.of("t/1"), queue.sql("SELECT record_key FROM " + outbox).stream()
          .map(row -> row.getString(0)).toList());
    }
  }

  /** The transaction that last locked the oldest outbox row (0 before any did). */
  private static long locker(QueueFixture queue, String outbox) {
    return queue.count("SELECT xmax::text::bigint FROM " + outbox + " ORDER BY seq LIMIT 1");
  }

  private static double parked(String table) {
    Counter counter = Meters.registry().find(DeadLetterMetrics.COUNTER)
        .tag(DeadLetterMetrics.TABLE_TAG, table).counter();
    return counter == null ? 0 : counter.count();
  }
}
