package io.scimbus.resource;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.events.DeadLetterActions;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.events.Outbox;
import io.scimbus.events.OutboxRelay;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.bus.ActionRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Set;

/**
 * A resource service's events: each write adds its event to the service's outbox inside the write's own
 * transaction, and once that committed the relay is woken, so the event leaves without waiting for the next poll.
 * The events' topic is created before the service serves; the relay's dead letters are read and replayed through the
 * service's own bus address.
 */
public final class ResourceEvents {
  private final Vertx vertx;
  private final Pool pool;
  private final ServiceConfig config;
  private final String topic;
  private final Outbox outbox;
  private final DeadLetterStore deadLetters;
  private final OutboxRelay relay;

  /** The table names come from the service's own code, never from a request. */
  public ResourceEvents(Vertx vertx, Pool pool, ServiceConfig config, String topic, String outboxTable,
      String deadLetterTable) {
    this.vertx = vertx;
    this.pool = pool;
    this.config = config;
    this.topic = topic;
    this.outbox = new Outbox(outboxTable);
    this.deadLetters = new DeadLetterStore(deadLetterTable);
    this.relay = new OutboxRelay(vertx, pool, config, outboxTable, deadLetters);
  }

  public Future<Void> createTopic() {
    return KafkaTopics.ensure(vertx, config, Set.of(topic));
  }

  /** A router already serving this service's dead letters; the service adds its own actions. */
  public ActionRouter router() {
    return new DeadLetterActions(pool, deadLetters, relay).registerOn(new ActionRouter());
  }

  /** Starts relaying, once the service serves. */
  public void start() {
    relay.start();
  }

  /** False while the relay's latest attempt found Kafka unreachable: events wait in the outbox. */
  public boolean publishing() {
    return relay.publishing();
  }

  public Future<Void> stop() {
    return relay.stop();
  }

  /** Adds {@code event} inside the write's transaction {@code tx}: it exists exactly when the write committed. */
  public Future<Void> add(SqlClient tx, ProvisioningEvent event) {
    return outbox.add(tx, topic, event);
  }

  /** After a transaction that added events committed. */
  public void committed() {
    relay.wake();
  }
}
