package io.scimbus.events;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.DurableProducer;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Writes events into a service's outbox table inside the caller's transaction, so an event exists exactly when its
 * change was committed. {@link OutboxRelay} publishes them to Kafka.
 *
 * <p>An event larger than {@link #MAX_EVENT_BYTES} fails the write with 413, which rolls the caller's transaction
 * back: Kafka would refuse the record, so the change would commit without its event ever reaching anyone. Refusing
 * is preferred to publishing a reference because consumers then never need a read-back (the resource may be gone
 * or changed by the time they read) and a legal resource fits anyway under the per-attribute limits.
 */
public final class Outbox {
  /**
   * Largest event, in bytes of the JSON the relay publishes. The eighth left of the producer's request limit covers
   * the key, headers and record framing.
   */
  public static final int MAX_EVENT_BYTES = DurableProducer.MAX_REQUEST_BYTES / 8 * 7;

  private final String insert;

  /** {@code table} comes from the service's own code, never from a request. */
  public Outbox(String table) {
    // The size is measured by PostgreSQL on the text the relay will read (jsonb's own rendering, not the encoding
    // sent here), so the check and the relay can never disagree.
    this.insert = "INSERT INTO " + table + " (topic, record_key, payload) VALUES ($1, $2, $3)"
        + " RETURNING octet_length(payload::text)";
  }

  public Future<Void> add(SqlClient tx, String topic, ProvisioningEvent event) {
    return tx.preparedQuery(insert).execute(Tuple.of(topic, event.key(), event.toJson())).compose(rows -> {
      int bytes = rows.iterator().next().getInteger(0);
      return bytes <= MAX_EVENT_BYTES ? Future.<Void>succeededFuture()
          : Future.failedFuture(ScimException.payloadTooLarge("the " + event.resourceType() + " would be " + bytes
              + " bytes as an event, more than the limit of " + MAX_EVENT_BYTES + "; nothing was changed"));
    });
  }
}
