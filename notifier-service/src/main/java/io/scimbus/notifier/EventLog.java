package io.scimbus.notifier;

import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;

/** SQL for notifier_events, the processed-event log. */
final class EventLog {
  private static final String INSERT = "INSERT INTO notifier_events (event_id, tenant_id, type, resource_id, payload)"
      + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING";
  private static final String LIST = "SELECT payload FROM notifier_events WHERE tenant_id = $1"
      + " ORDER BY received_at, event_id LIMIT $2";

  /** Records events; ones already recorded are skipped. */
  Future<Void> record(SqlClient client, List<ProvisioningEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = events.stream().map(e -> Tuple.of(UUID.fromString(e.eventId()), e.tenant(), e.type(),
        e.resourceId(), e.toJson())).toList();
    return client.preparedQuery(INSERT).executeBatch(batch).mapEmpty();
  }

  Future<JsonArray> list(SqlClient client, String tenant, int limit) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenant, limit)).map(rows -> {
      JsonArray events = new JsonArray();
      for (Row row : rows) {
        events.add((JsonObject) row.getValue(0));
      }
      return events;
    });
  }
}
