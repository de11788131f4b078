package io.scimbus.policy;

import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.contract.Topics;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the gateway's provisioning-log entries: poll, store, then commit the offsets. A crash between store and
 * commit replays the batch and the entry ids drop the repeats.
 */
final class ProvisioningLogConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningLogConsumer.class);
  static final String GROUP_ID = "scimbus-policy-provisioning-log";
  private static final Duration POLL = Duration.ofMillis(500);
  private static final long RETRY_MS = 1000;

  private final Vertx vertx;
  private final Pool pool;
  private final ProvisioningLogRepository log;
  private final ServiceConfig config;
  private final KafkaConsumer<String, String> consumer;
  private volatile boolean stopped;

  ProvisioningLogConsumer(Vertx vertx, Pool pool, ProvisioningLogRepository log, ServiceConfig config) {
    this.vertx = vertx;
    this.pool = pool;
    this.log = log;
    this.config = config;
    this.consumer = KafkaConsumer.create(vertx, Map.of(
        "bootstrap.servers", config.string(ConfigKeys.KAFKA_BOOTSTRAP),
        "group.id", GROUP_ID,
        "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
        "enable.auto.commit", "false",
        "auto.offset.reset", "earliest",
        "max.poll.records", "500"));
  }

  Future<Void> start() {
    return KafkaTopics.ensure(vertx, config, Set.of(Topics.PROVISIONING_LOG))
        .compose(v -> consumer.subscribe(Topics.PROVISIONING_LOG))
        .onSuccess(v -> loop());
  }

  Future<Void> stop() {
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
            LOG.warn("provisioning-log batch failed, retrying from the last committed offset: {}", failure.toString());
            vertx.setTimer(RETRY_MS, id -> rewindAndLoop());
          }
        });
  }

  private Future<Void> process(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    List<ProvisioningLogEntry> entries = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> record = records.recordAt(i);
      try {
        entries.add(ProvisioningLogEntry.fromJson(new JsonObject(record.value())));
      } catch (RuntimeException e) {
        // Retrying cannot fix a record that does not parse; stopping on it would stall every later entry.
        LOG.error("skipping undecodable provisioning-log entry partition={} offset={}: {}", record.partition(),
            record.offset(), e.toString());
      }
    }
    return log.record(pool, entries).compose(v -> consumer.commit());
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
