package io.scimbus.e2e;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.testsupport.TestInfrastructure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One queue's machinery outside the cluster, for focused tests of the relay and the consumer: a Vert.x with metrics
 * as services run it, a pool on the test PostgreSQL, tables and a one-partition topic of the test's own.
 */
final class QueueFixture implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(60);

  final String name = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  final String topic = "scimbus-test-" + name;
  final Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)).setEnabled(true)));
  final ServiceConfig config;
  final Pool pool;

  QueueFixture(int maxAttempts) {
    TestInfrastructure infra = TestInfrastructure.get();
    config = ServiceRunner.config(new JsonObject()
        .put(ConfigKeys.PG_URI, infra.pgUri())
        .put(ConfigKeys.KAFKA_BOOTSTRAP, infra.kafkaBootstrap())
        .put(ConfigKeys.KAFKA_PARTITIONS, 1)
        .put(ConfigKeys.OUTBOX_POLL_MS, 50)
        .put(ConfigKeys.QUEUE_MAX_ATTEMPTS, maxAttempts));
    pool = PgPools.create(vertx, config);
  }

  /** Applies a service's migrations, so its tables can serve as templates ({@code LIKE ... INCLUDING ALL}). */
  QueueFixture migrated(String service) {
    await(Migrations.apply(vertx, pool, service));
    return this;
  }

  RowSet<Row> sql(String sql, Object... params) {
    return await(pool.preparedQuery(sql).execute(Tuple.from(params)));
  }

  long count(String sql, Object... params) {
    return sql(sql, params).iterator().next().getLong(0);
  }

  void produce(List<Map.Entry<String, String>> records) {
    // first, or the broker auto-creates the topic with its default of several partitions
    await(KafkaTopics.ensure(vertx, config, Set.of(topic)));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", config.string(ConfigKeys.KAFKA_BOOTSTRAP), "acks", "all"),
        new StringSerializer(), new StringSerializer())) {
      for (Map.Entry<String, String> record : records) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()));
      }
      producer.flush();
    }
  }

  /** Every record of the topic, read from the beginning until {@code expected} arrived or patience ran out. */
  List<ConsumerRecord<String, String>> readTopic(int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", config.string(ConfigKeys.KAFKA_BOOTSTRAP), "max.partition.fetch.bytes", 4 << 20),
        new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
