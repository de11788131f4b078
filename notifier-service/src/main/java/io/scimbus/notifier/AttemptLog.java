package io.scimbus.notifier;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for webhook_attempts, the delivery log: every attempt, newest first when read. */
final class AttemptLog {
  private static final String INSERT = "INSERT INTO webhook_attempts (endpoint_id, event_id, event_type, attempt,"
      + " success, http_status, error, latency_ms, response) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
  private static final String COLUMNS = "id, at, event_id, event_type, attempt, success, http_status, error,"
      + " latency_ms, response";

  /** Filters of the delivery log; null means any. */
  record Filter(UUID eventId, Boolean success) {
    String where(Tuple params) {
      StringBuilder where = new StringBuilder("endpoint_id = $1");
      if (eventId != null) {
        params.addUUID(eventId);
        where.append(" AND event_id = $").append(params.size());
      }
      if (success != null) {
        params.addBoolean(success);
        where.append(" AND success = $").append(params.size());
      }
      return where.toString();
    }
  }

  Future<Void> record(SqlClient client, UUID endpointId, UUID eventId, String eventType, int attempt,
      AttemptResult result) {
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {endpointId, eventId, eventType, attempt,
        result.success(), result.status(), result.error(), (int) result.latencyMs(), result.response()}))
        .mapEmpty();
  }

  Future<Long> count(SqlClient client, UUID endpointId, Filter filter) {
    Tuple params = Tuple.of(endpointId);
    String where = filter.where(params);
    return client.preparedQuery("SELECT count(*) FROM webhook_attempts WHERE " + where).execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<JsonObject>> page(SqlClient client, UUID endpointId, Filter filter, int offset, int count) {
    Tuple params = Tuple.of(endpointId);
    String where = filter.where(params);
    params.addInteger(offset).addInteger(count);
    String sql = "SELECT " + COLUMNS + " FROM webhook_attempts WHERE " + where + " ORDER BY id DESC OFFSET $"
        + (params.size() - 1) + " LIMIT $" + params.size();
    return client.preparedQuery(sql).execute(params).map(rows -> {
      List<JsonObject> attempts = new ArrayList<>();
      rows.forEach(row -> attempts.add(toJson(row)));
      return attempts;
    });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Long.toString(row.getLong("id")))
        .put("at", row.getOffsetDateTime("at").toInstant().toString())
        .put("eventId", row.getUUID("event_id").toString())
        .put("eventType", row.getString("event_type"))
        .put("attempt", row.getInteger("attempt"))
        .put("outcome", row.getBoolean("success") ? "success" : "failure")
        .put("httpStatus", row.getInteger("http_status"))
        .put("error", row.getString("error"))
        .put("latencyMs", row.getInteger("latency_ms"))
        .put("response", row.getString("response"));
  }
}
