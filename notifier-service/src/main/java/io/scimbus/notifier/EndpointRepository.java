package io.scimbus.notifier;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SQL for webhook_endpoints. Every admin statement is scoped to the tenant, so ids never cross tenants. */
final class EndpointRepository {
  private static final String INSERT = "INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, description,"
      + " secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *";
  private static final String GET = "SELECT * FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2";
  private static final String BY_ID = "SELECT * FROM webhook_endpoints WHERE id = $1";
  private static final String COUNT = "SELECT count(*) FROM webhook_endpoints WHERE tenant_id = $1";
  private static final String PAGE = "SELECT * FROM webhook_endpoints WHERE tenant_id = $1"
      + " ORDER BY created_at, id OFFSET $2 LIMIT $3";
  private static final String UPDATE = "UPDATE webhook_endpoints SET url = $3, event_types = $4, description = $5,"
      + " enabled = $6, disabled_reason = CASE WHEN $6 THEN NULL WHEN enabled THEN $7 ELSE disabled_reason END,"
      + " failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END, updated_at = now()"
      + " WHERE tenant_id = $1 AND id = $2 RETURNING *";
  private static final String DELETE = "DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2";
  private static final String ROTATE = "UPDATE webhook_endpoints SET previous_secret = secret,"
      + " previous_secret_expires_at = now() + $4::bigint * interval '1 millisecond', secret = $3, updated_at = now()"
      + " WHERE tenant_id = $1 AND id = $2 RETURNING *";
  private static final String HEALTHY = "UPDATE webhook_endpoints SET failing_since = NULL"
      + " WHERE id = $1 AND failing_since IS NOT NULL";
  // true once the endpoint has been failing for the whole period
  private static final String FAILING = "UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now())"
      + " WHERE id = $1 RETURNING failing_since <= now() - $2::bigint * interval '1 millisecond'";
  private static final String DISABLE = "UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2,"
      + " updated_at = now() WHERE id = $1 AND enabled";
  private static final String BURY = "UPDATE webhook_deliveries SET state = 'dead', lease_until = NULL,"
      + " last_error = $2 WHERE endpoint_id = $1 AND state = 'pending'";

  Future<Endpoint> insert(SqlClient client, UUID id, String tenant, String url, List<String> eventTypes,
      String description, String encryptedSecret) {
    return client.preparedQuery(INSERT)
        .execute(Tuple.of(id, tenant, url, array(eventTypes), description, encryptedSecret))
        .map(rows -> Endpoint.of(rows.iterator().next()));
  }

  /** The tenant's endpoint, or null. */
  Future<Endpoint> get(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(GET).execute(Tuple.of(tenant, id)).map(EndpointRepository::first);
  }

  Future<Endpoint> byId(SqlClient client, UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id)).map(EndpointRepository::first);
  }

  Future<Long> count(SqlClient client, String tenant) {
    return client.preparedQuery(COUNT).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong(0));
  }

  Future<List<Endpoint>> page(SqlClient client, String tenant, int offset, int count) {
    return client.preparedQuery(PAGE).execute(Tuple.of(tenant, offset, count)).map(rows -> {
      List<Endpoint> endpoints = new ArrayList<>();
      rows.forEach(row -> endpoints.add(Endpoint.of(row)));
      return endpoints;
    });
  }

  /** Stores the endpoint's new settings; {@code disabledReason} applies when this disables it. Null when absent. */
  Future<Endpoint> update(SqlClient client, Endpoint changed, String disabledReason) {
    return client.preparedQuery(UPDATE).execute(Tuple.from(new Object[] {changed.tenant(), changed.id(),
        changed.url(), array(changed.eventTypes()), changed.description(), changed.enabled(), disabledReason}))
        .map(EndpointRepository::first);
  }

  Future<Boolean> delete(SqlClient client, String tenant, UUID id) {
    return client.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).map(rows -> rows.rowCount() == 1);
  }

  /** The new secret signs from now on; the old one too, until {@code grace} has passed. Null when absent. */
  Future<Endpoint> rotate(SqlClient client, String tenant, UUID id, String encryptedSecret, Duration grace) {
    return client.preparedQuery(ROTATE).execute(Tuple.of(tenant, id, encryptedSecret, grace.toMillis()))
        .map(EndpointRepository::first);
  }

  Future<Void> markHealthy(SqlClient client, UUID id) {
    return client.preparedQuery(HEALTHY).execute(Tuple.of(id)).mapEmpty();
  }

  /** Records a failure; true when the endpoint has now been failing for at least {@code period}. */
  Future<Boolean> markFailing(SqlClient client, UUID id, Duration period) {
    return client.preparedQuery(FAILING).execute(Tuple.of(id, period.toMillis()))
        .map(rows -> rows.size() == 1 && rows.iterator().next().getBoolean(0));
  }

  /** Disables the endpoint and sets its undelivered events aside as dead letters. */
  Future<Void> disable(SqlClient tx, UUID id, String reason) {
    return tx.preparedQuery(DISABLE).execute(Tuple.of(id, reason))
        .compose(v -> tx.preparedQuery(BURY).execute(Tuple.of(id, "endpoint disabled: " + reason)))
        .mapEmpty();
  }

  private static Endpoint first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : Endpoint.of(rows.iterator().next());
  }

  private static String[] array(List<String> types) {
    return types == null ? null : types.toArray(String[]::new);
  }
}
