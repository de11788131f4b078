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
  // One statement for the whole batch: PostgreSQL plans and executes it once instead of once per event. The ORDER BY
  // hands out seq in the batch's own order, which is the order Kafka delivered the events in.
  private static final String INSERT = "INSERT INTO notifier_events (event_id, tenant_id, type, resource_id, payload)"
      + " SELECT e, t, ty, r, p::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])"
      + " WITH ORDINALITY AS u(e, t, ty, r, p, n) ORDER BY n ON CONFLICT (event_id) DO NOTHING";
  private static final String LIST = "SELECT payload FROM notifier_events WHERE tenant_id = $1"
      + " ORDER BY seq LIMIT $2";

  /** Records events (ones already recorded are skipped); their ids, in order, for what the transaction does next. */
  Future<UUID[]> record(SqlClient client, List<ProvisioningEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(new UUID[0]);
    }
    int n = events.size();
    UUID[] ids = new UUID[n];
    String[] tenants = new String[n];
    String[] types = new String[n];
    String[] resources = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      ProvisioningEvent e = events.get(i);
      ids[i] = UUID.fromString(e.eventId());
      tenants[i] = e.tenant();
      types[i] = e.type();
      resources[i] = e.resourceId();
      payloads[i] = e.toJson().encode();
    }
    return client.preparedQuery(INSERT).execute(Tuple.of(ids, tenants, types, resources, payloads)).map(ids);
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
