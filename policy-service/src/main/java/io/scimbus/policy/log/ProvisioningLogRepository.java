package io.scimbus.policy.log;

import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.policy.Page;
import io.scimbus.runtime.store.PgText;
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

/**
 * SQL for provisioning_log. Entries already recorded (a Kafka redelivery) are skipped by their entry id. The log is
 * a record of what clients sent, so text PostgreSQL cannot hold (a NUL) is stored escaped rather than refused.
 */
public final class ProvisioningLogRepository {
  // One statement for the whole batch: PostgreSQL plans and executes it once instead of once per entry.
  private static final String INSERT = "INSERT INTO provisioning_log (entry_id, tenant_id, at, request_id, method,"
      + " operation, resource_type, resource_id, status, outcome, user_name)"
      + " SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],"
      + " $7::text[], $8::text[], $9::int[], $10::text[], $11::text[]) ON CONFLICT (entry_id) DO NOTHING";
  private static final String COLUMNS = "entry_id, at, request_id, method, operation, resource_type, resource_id,"
      + " status, outcome, user_name";

  public Future<Void> record(SqlClient client, List<ProvisioningLogEntry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = entries.size();
    UUID[] ids = new UUID[n];
    String[] tenants = new String[n];
    OffsetDateTime[] at = new OffsetDateTime[n];
    String[] requestIds = new String[n];
    String[] methods = new String[n];
    String[] operations = new String[n];
    String[] resourceTypes = new String[n];
    String[] resourceIds = new String[n];
    Integer[] statuses = new Integer[n];
    String[] outcomes = new String[n];
    String[] userNames = new String[n];
    for (int i = 0; i < n; i++) {
      ProvisioningLogEntry e = entries.get(i);
      ids[i] = UUID.fromString(e.entryId());
      tenants[i] = PgText.storable(e.tenant());
      at[i] = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
      requestIds[i] = PgText.storable(e.requestId());
      methods[i] = PgText.storable(e.method());
      operations[i] = PgText.storable(e.operation());
      resourceTypes[i] = PgText.storable(e.resourceType());
      resourceIds[i] = PgText.storable(e.resourceId());
      statuses[i] = e.status();
      outcomes[i] = PgText.storable(e.outcome());
      userNames[i] = PgText.storable(e.userName());
    }
    return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] {ids, tenants, at, requestIds, methods,
        operations, resourceTypes, resourceIds, statuses, outcomes, userNames})).mapEmpty();
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
