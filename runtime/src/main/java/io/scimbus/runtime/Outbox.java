package io.scimbus.runtime;

import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Writes events into a service's outbox table inside the caller's transaction, so an event exists exactly when its
 * change was committed. {@link OutboxRelay} publishes them to Kafka.
 */
public final class Outbox {
  private final String insert;

  /** {@code table} comes from the service's own code, never from a request. */
  public Outbox(String table) {
    this.insert = "INSERT INTO " + table + " (topic, record_key, payload) VALUES ($1, $2, $3)";
  }

  public Future<Void> add(SqlClient tx, String topic, ProvisioningEvent event) {
    return tx.preparedQuery(insert).execute(Tuple.of(topic, event.key(), event.toJson())).mapEmpty();
  }
}
