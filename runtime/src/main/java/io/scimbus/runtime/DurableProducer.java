package io.scimbus.runtime;

import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.util.Map;

/**
 * The Kafka producer every durable record goes through: string keys and values, acknowledged by every in-sync
 * replica, idempotent so a retried send is never written twice. Callers choose only how long to batch and to wait.
 */
public final class DurableProducer {
  /**
   * Kafka's own default {@code max.request.size}, set explicitly because the outbox's largest event
   * ({@code io.scimbus.events.Outbox#MAX_EVENT_BYTES}) is derived from it; a record above it is refused by the
   * producer before it is sent.
   */
  public static final int MAX_REQUEST_BYTES = 1024 * 1024;
  private static final String REQUEST_TIMEOUT_MS = "10000";

  private DurableProducer() {
  }

  /**
   * @param lingerMs how long a record waits for others to share its request
   * @param deliveryTimeoutMs how long a record may take to be acknowledged, retries included, before it fails
   * @param maxBlockMs how long {@code send} may wait for metadata or buffer space while Kafka is away
   */
  public static KafkaProducer<String, String> create(Vertx vertx, ServiceConfig config, int lingerMs,
      int deliveryTimeoutMs, int maxBlockMs) {
    Map<String, String> settings = KafkaConnection.settings(config);
    settings.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    settings.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    settings.put("acks", "all");
    settings.put("enable.idempotence", "true");
    settings.put("request.timeout.ms", REQUEST_TIMEOUT_MS);
    settings.put("linger.ms", Integer.toString(lingerMs));
    settings.put("delivery.timeout.ms", Integer.toString(deliveryTimeoutMs));
    settings.put("max.block.ms", Integer.toString(maxBlockMs));
    settings.put("max.request.size", Integer.toString(MAX_REQUEST_BYTES));
    return KafkaProducer.create(vertx, settings);
  }
}
