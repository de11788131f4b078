package io.scimbus.policy;

import io.scimbus.contract.ProvisioningLogEntry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for provisioning_log. Entries already recorded (a Kafka redelivery) are skipped by their entry id. */
final class ProvisioningLogRepository {
  private static final String INSERT = "INSERT INTO provisioning_log (entry_id, tenant_id, at, request_id, method,"
      + " operation, resource_type, resource_id, status, outcome, user_name)"
      + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (entry_id) DO NOTHING";
  private static final String COLUMNS = "entry_id, at, request_id, method, operation, resource_type, resource_id,"
      + " status, outcome, user_name";

  Future<Void> record(SqlClient client, List<ProvisioningLogEntry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = entries.stream().map(e -> Tuple.tuple(List.of(UUID.fromString(e.entryId()), e.tenant(),
        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))).addString(e.requestId()).addString(e.method())
        .addString(e.operation()).addString(e.resourceType()).addString(e.resourceId()).addInteger(e.status())
        .addString(e.outcome()).addString(e.userName())).toList();
    return client.preparedQuery(INSERT).executeBatch(batch).mapEmpty();
  }

  Future<Long> count(SqlClient client, String tenant, ProvisioningLogQuery query) {
    Tuple params = Tuple.of(tenant);
    String where = query.where(params);
    return client.preparedQuery("SELECT count(*) FROM provisioning_log WHERE " + where).execute(params)
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<JsonObject>> page(SqlClient client, String tenant, ProvisioningLogQuery query, Page page) {
    Tuple params = Tuple.of(tenant);
    String where = query.where(params);
    params.addInteger(page.offset()).addInteger(page.count());
    String sql = "SELECT " + COLUMNS + " FROM provisioning_log WHERE " + where
        + " ORDER BY at DESC, id DESC OFFSET $" + (params.size() - 1) + " LIMIT $" + params.size();
    return client.preparedQuery(sql).execute(params).map(rows -> {
      List<JsonObject> entries = new ArrayList<>();
      rows.forEach(row -> entries.add(toJson(row)));
      return entries;
    });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID(0).toString())
        .put("at", row.getOffsetDateTime(1).toInstant().toString())
        .put("requestId", row.getString(2))
        .put("method", row.getString(3))
        .put("operation", row.getString(4))
        .put("resourceType", row.getString(5))
        .put("resourceId", row.getString(6))
        .put("status", row.getInteger(7))
        .put("outcome", row.getString(8))
        .put("userName", row.getString(9));
  }
}
