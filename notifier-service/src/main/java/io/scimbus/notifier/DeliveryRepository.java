package io.scimbus.notifier;

import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * SQL for webhook_deliveries, the delivery queue: one row per (event, endpoint). Rows are added in event order, so
 * one resource's events to one endpoint (one ordering key) are worked in that order. A replay puts a dead letter back
 * where it was (its place in its key's order) and adds the others anew.
 */
final class DeliveryRepository {
  static final String TABLE = "webhook_deliveries";
  private static final String KEYS = "(ordering_key, group_key, event_id, endpoint_id)";
  private static final String REVIVE = " ON CONFLICT (event_id, endpoint_id) DO UPDATE SET state = 'pending',"
      + " attempts = 0, next_attempt_at = now(), lease_until = NULL, last_error = NULL"
      + " WHERE " + TABLE + ".state = 'dead'";
  // The events come from notifier_events, which the same transaction has just written (EventLog.record): the ids
  // alone carry the batch's order, the rows carry the rest.
  private static final String ENQUEUE = "INSERT INTO " + TABLE + " " + KEYS
      + " SELECT e.id::text || '/' || ev.resource_id, e.id::text, ev.event_id, e.id"
      + " FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)"
      + " JOIN notifier_events ev ON ev.event_id = u.id"
      + " JOIN webhook_endpoints e ON e.tenant_id = ev.tenant_id AND e.enabled"
      + " AND (e.event_types IS NULL OR ev.type = ANY (e.event_types))"
      + " ORDER BY u.n, e.id ON CONFLICT (event_id, endpoint_id) DO NOTHING";
  private static final String REPLAY_SELECT = "INSERT INTO " + TABLE + " " + KEYS
      + " SELECT e.id::text || '/' || ev.resource_id, e.id::text, ev.event_id, e.id"
      + " FROM webhook_endpoints e JOIN notifier_events ev ON ev.tenant_id = e.tenant_id WHERE e.id = $1 AND ";
  private static final String REPLAY_EVENT = REPLAY_SELECT + "ev.event_id = $2" + REVIVE;
  private static final String REPLAY_SINCE = REPLAY_SELECT + "ev.received_at >= $2"
      + " AND (e.event_types IS NULL OR ev.type = ANY (e.event_types))"
      + " ORDER BY ev.seq" + REVIVE;
  private static final String REPLAY_DEAD = "UPDATE " + TABLE + " SET state = 'pending', attempts = 0,"
      + " next_attempt_at = now(), lease_until = NULL, last_error = NULL WHERE endpoint_id = $1 AND state = 'dead'";
  private static final String COUNTS = "SELECT count(*) FILTER (WHERE state = 'pending'),"
      + " count(*) FILTER (WHERE state = 'dead') FROM " + TABLE + " WHERE endpoint_id = $1";
  private static final String TARGET = "SELECT payload FROM notifier_events WHERE event_id = $1";

  /**
   * Queues one delivery per recorded event and matching enabled endpoint, in the order of {@code eventIds} (as
   * {@link EventLog#record} returns them, in the same transaction); the number queued.
   */
  Future<Integer> enqueue(SqlClient tx, UUID[] eventIds) {
    return tx.preparedQuery(ENQUEUE).execute(Tuple.of(eventIds)).map(RowSet::rowCount);
  }

  Future<Integer> replayEvent(SqlClient client, UUID endpointId, UUID eventId) {
    return client.preparedQuery(REPLAY_EVENT).execute(Tuple.of(endpointId, eventId)).map(RowSet::rowCount);
  }

  Future<Integer> replaySince(SqlClient client, UUID endpointId, OffsetDateTime since) {
    return client.preparedQuery(REPLAY_SINCE).execute(Tuple.of(endpointId, since)).map(RowSet::rowCount);
  }

  Future<Integer> replayDeadLetters(SqlClient client, UUID endpointId) {
    return client.preparedQuery(REPLAY_DEAD).execute(Tuple.of(endpointId)).map(RowSet::rowCount);
  }

  /** {@code pendingDeliveries} and {@code deadLetters} of an endpoint, for its admin view. */
  Future<JsonObject> counts(SqlClient client, UUID endpointId) {
    return client.preparedQuery(COUNTS).execute(Tuple.of(endpointId)).map(rows -> {
      Row row = rows.iterator().next();
      return new JsonObject().put("pendingDeliveries", row.getLong(0)).put("deadLetters", row.getLong(1));
    });
  }

  /** The stored event a delivery carries, or null. */
  Future<ProvisioningEvent> event(SqlClient client, UUID eventId) {
    return client.preparedQuery(TARGET).execute(Tuple.of(eventId)).map(rows -> rows.size() == 0 ? null
        : ProvisioningEvent.fromJson((JsonObject) rows.iterator().next().getValue(0)));
  }
}
