package io.scimbus.events;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.DurableProducer;
import io.scimbus.runtime.KafkaConnection;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes JSON records in the Vert.x in Action order: poll, store the batch, then commit the offsets. Auto-commit
 * is off, so a crash between the two replays the batch from the last commit; {@code store} must therefore be
 * idempotent (the consumers keep a log keyed by the record's id).
 *
 * <p>No record can stall its partition. A batch whose store fails is tried again, {@link ConfigKeys#QUEUE_MAX_ATTEMPTS}
 * times in all, a second apart (a database blip passes); then each of its records is stored alone, and one that
 * still fails is parked in the service's dead-letter table with its error, counted and logged, before the offsets
 * are committed. A record that does not even decode is parked at once. Only when parking fails too (the database is
 * down) is nothing committed: the consumer seeks back to the last commit and tries again later.
 */
public final class CommittingConsumer<T> implements Requeue {
  private static final Logger LOG = LoggerFactory.getLogger(CommittingConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long RETRY_MS = 1000;
  private static final int FETCH_MIN_BYTES = 64 * 1024;
  private static final int FETCH_MAX_WAIT_MS = 100;
  private static final int REPLAY_LINGER_MS = 0;
  private static final int REPLAY_DELIVERY_TIMEOUT_MS = 10_000;
  private static final int REPLAY_MAX_BLOCK_MS = 5_000;

  private final Vertx vertx;
  private final ServiceConfig config;
  private final Set<String> topics;
  private final Function<JsonObject, T> decode;
  private final Function<List<T>, Future<Void>> store;
  private final Pool pool;
  private final DeadLetterStore deadLetters;
  private final int maxAttempts;
  private final KafkaConsumer<String, String> consumer;
  // Created on the first replay: most consumers never replay anything.
  private KafkaProducer<String, String> replays;
  private volatile boolean stopped;
  private volatile boolean assigned;
  private volatile boolean polling;

  public CommittingConsumer(Vertx vertx, ServiceConfig config, String groupId, Set<String> topics,
      Function<JsonObject, T> decode, Function<List<T>, Future<Void>> store, Pool pool,
      DeadLetterStore deadLetters) {
    this.vertx = vertx;
    this.config = config;
    this.topics = Set.copyOf(topics);
    this.decode = decode;
    this.store = store;
    this.pool = pool;
    this.deadLetters = deadLetters;
    this.maxAttempts = config.integer(ConfigKeys.QUEUE_MAX_ATTEMPTS);
    Map<String, String> settings = KafkaConnection.settings(config);
    settings.putAll(Map.of(
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
    this.consumer = KafkaConsumer.create(vertx, settings);
    ConsumerLag.register(groupId, this.topics, consumer.unwrap());
    consumer.partitionsAssignedHandler(partitions -> assigned = true);
  }

  /** Creates the topics if needed, subscribes and starts the loop. */
  public Future<Void> start() {
    DeadLetterMetrics.register(deadLetters.table());
    return KafkaTopics.ensure(vertx, config, topics)
        .compose(v -> consumer.subscribe(topics))
        .onSuccess(v -> loop());
  }

  /**
   * True once the group gave this consumer partitions and while its polls succeed. A later rebalance that leaves it
   * none (more replicas than partitions) does not make it unready: it is healthy and idle.
   */
  public boolean ready() {
    return assigned && polling;
  }

  public Future<Void> stop() {
    stopped = true;
    Future<Void> closed = consumer.close();
    return replays == null ? closed : closed.eventually(replays::close);
  }

  /** A replayed dead letter goes back to its topic with its key, and is consumed again like any record. */
  @Override
  public Future<Void> requeue(SqlClient tx, DeadLetterStore.DeadLetter letter) {
    if (replays == null) {
      replays = DurableProducer.create(vertx, config, REPLAY_LINGER_MS, REPLAY_DELIVERY_TIMEOUT_MS,
          REPLAY_MAX_BLOCK_MS);
    }
    return replays.send(KafkaProducerRecord.create(letter.queue(), letter.key(), letter.payload().toString()))
        .mapEmpty();
  }

  private void loop() {
    if (stopped) {
      return;
    }
    consumer.poll(POLL)
        .onComplete(polled -> polling = polled.succeeded())
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
    List<Decoded<T>> items = new ArrayList<>(records.size());
    Future<Void> parked = Future.succeededFuture();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> record = records.recordAt(i);
      try {
        items.add(new Decoded<>(record, decode.apply(new JsonObject(record.value()))));
      } catch (RuntimeException e) {
        // Retrying cannot fix a record that does not parse; stopping on it would stall every later one.
        OffsetDateTime now = now();
        parked = parked.compose(v -> park(record, e, 1, now));
      }
    }
    return parked.compose(v -> storeBatch(items, 1, null)).compose(v -> consumer.commit());
  }

  private Future<Void> storeBatch(List<Decoded<T>> items, int attempt, OffsetDateTime firstFailure) {
    if (items.isEmpty()) {
      return Future.succeededFuture();
    }
    return tryStore(items.stream().map(Decoded::value).toList()).recover(failure -> {
      OffsetDateTime first = firstFailure == null ? now() : firstFailure;
      if (stopped) {
        return Future.failedFuture(failure);
      }
      if (attempt >= maxAttempts) {
        LOG.warn("batch of {} records from {} failed {} times, storing them one by one: {}", items.size(), topics,
            attempt, failure.toString());
        return storeOneByOne(items, first);
      }
      LOG.warn("batch of {} records from {} failed (attempt {} of {}), retrying: {}", items.size(), topics, attempt,
          maxAttempts, failure.toString());
      return delay().compose(v -> storeBatch(items, attempt + 1, first));
    });
  }

  private Future<Void> storeOneByOne(List<Decoded<T>> items, OffsetDateTime firstFailure) {
    Future<Void> chain = Future.succeededFuture();
    for (Decoded<T> item : items) {
      chain = chain.compose(v -> tryStore(List.of(item.value()))
          .recover(failure -> park(item.record(), failure, maxAttempts + 1, firstFailure)));
    }
    return chain;
  }

  private Future<Void> tryStore(List<T> values) {
    try {
      return store.apply(values);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> park(KafkaConsumerRecord<String, String> record, Throwable failure, int attempts,
      OffsetDateTime firstFailure) {
    Buffer payload = Buffer.buffer(record.value() == null ? "" : record.value());
    return deadLetters.add(pool, record.topic(), record.key(), payload, failure.toString(), attempts, firstFailure,
        now()).onSuccess(v -> {
          DeadLetterMetrics.add(deadLetters.table(), 1);
          LOG.error("record topic={} partition={} offset={} key={} could not be stored, moved to {}: {}",
              record.topic(), record.partition(), record.offset(), record.key(), deadLetters.table(),
              failure.toString());
        });
  }

  private Future<Void> delay() {
    Promise<Void> elapsed = Promise.promise();
    vertx.setTimer(RETRY_MS, id -> elapsed.complete());
    return elapsed.future();
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

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private record Decoded<T>(KafkaConsumerRecord<String, String> record, T value) {
  }
}
