package io.scimbus.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes JSON records in the Vert.x in Action order: poll, store the batch, then commit the offsets. Auto-commit
 * is off, so a crash or a failed store between the two replays the batch from the last commit; {@code store} must
 * therefore be idempotent (the consumers keep a log keyed by the record's id).
 */
public final class CommittingConsumer<T> {
  private static final Logger LOG = LoggerFactory.getLogger(CommittingConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long RETRY_MS = 1000;
  private static final int FETCH_MIN_BYTES = 64 * 1024;
  private static final int FETCH_MAX_WAIT_MS = 100;

  private final Vertx vertx;
  private final ServiceConfig config;
  private final Set<String> topics;
  private final Function<JsonObject, T> decode;
  private final Function<List<T>, Future<Void>> store;
  private final KafkaConsumer<String, String> consumer;
  private volatile boolean stopped;

  public CommittingConsumer(Vertx vertx, ServiceConfig config, String groupId, Set<String> topics,
      Function<JsonObject, T> decode, Function<List<T>, Future<Void>> store) {
    this.vertx = vertx;
    this.config = config;
    this.topics = Set.copyOf(topics);
    this.decode = decode;
    this.store = store;
    this.consumer = KafkaConsumer.create(vertx, Map.of(
        "bootstrap.servers", config.string(ConfigKeys.KAFKA_BOOTSTRAP),
        "group.id", groupId,
        "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "enable.auto.commit", "false",
        "auto.offset.reset", "earliest",
        "max.poll.records", "500",
        // A busy broker answers a fetch once this much is waiting (or after the wait below), so one poll, one store
        // and one offset commit carry many records instead of one each.
        "fetch.min.bytes", Integer.toString(FETCH_MIN_BYTES),
        "fetch.max.wait.ms", Integer.toString(FETCH_MAX_WAIT_MS)));
  }

  /** Creates the topics if needed, subscribes and starts the loop. */
  public Future<Void> start() {
    return KafkaTopics.ensure(vertx, config, topics)
        .compose(v -> consumer.subscribe(topics))
        .onSuccess(v -> loop());
  }

  public Future<Void> stop() {
    stopped = true;
    return consumer.close();
  }

  private void loop() {
    if (stopped) {
      return;
    }
    consumer.poll(POLL)
        .compose(this::process)
        .onSuccess(v -> loop())
        .onFailure(failure -> {
          if (!stopped) {
            LOG.warn("batch from {} failed, retrying from the last committed offset: {}", topics, failure.toString());
            vertx.setTimer(RETRY_MS, id -> rewindAndLoop());
          }
        });
  }

  private Future<Void> process(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    List<T> items = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> record = records.recordAt(i);
      try {
        items.add(decode.apply(new JsonObject(record.value())));
      } catch (RuntimeException e) {
        // Retrying cannot fix a record that does not parse; stopping on it would stall every later one.
        LOG.error("skipping undecodable record topic={} partition={} offset={}: {}", record.topic(),
            record.partition(), record.offset(), e.toString());
      }
    }
    return store.apply(items).compose(v -> consumer.commit());
  }

  /** The failed batch was not committed; seek back to the committed offsets so it is processed again. */
  private void rewindAndLoop() {
    consumer.assignment()
        .compose(partitions -> {
          Future<Void> chain = Future.succeededFuture();
          for (var partition : partitions) {
            chain = chain.compose(v -> consumer.committed(partition).compose(offset -> offset == null
                ? consumer.seekToBeginning(partition) : consumer.seek(partition, offset.getOffset())));
          }
          return chain;
        })
        .onComplete(v -> loop());
  }
}
