package io.scimbus.bench;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.Topics;
import io.scimbus.resource.Representation;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The SQL ceiling of one user sync, without HTTP or bus: the list lookup (count, then the page only when something
 * matched, as users-service runs the statements ListSql builds for {@code userName eq}) and the create's transaction (INSERT into scim_users and into users_outbox), with the same
 * parameters and a pool built by the services' own PgPools. It runs in its own database so no service's outbox
 * relay publishes these rows; the relay's own SQL is therefore not part of the ceiling.
 */
final class SqlCeiling implements Workload {
  static final String LOOKUP = "SQL lookup (count; page when found)";
  static final String CREATE = "SQL create (tx: insert user + outbox)";
  private static final String COLUMNS =
      "t.id, t.user_name, t.external_id, t.display_name, t.active, t.resource, t.version, t.created, t.last_modified";
  private static final String WHERE = " FROM scim_users t WHERE t.tenant_id = $1 AND (lower(t.user_name) = lower($2))";
  private static final String COUNT = "SELECT count(*)" + WHERE;
  private static final String PAGE = "SELECT " + COLUMNS + WHERE + " ORDER BY t.id LIMIT $3 OFFSET $4";
  private static final String INSERT = "INSERT INTO scim_users (tenant_id, id, user_name, external_id, display_name,"
      + " active, resource, version, created, last_modified) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
  private static final String OUTBOX = "INSERT INTO users_outbox (topic, record_key, payload) VALUES ($1, $2, $3)";

  private final Pool pool;
  private final Recorder recorder;
  private final String tenant;
  private final int users;

  SqlCeiling(Pool pool, Recorder recorder, String tenant, int users) {
    this.pool = pool;
    this.recorder = recorder;
    this.tenant = tenant;
    this.users = users;
  }

  @Override
  public String name() {
    return "sql-ceiling";
  }

  @Override
  public String describe() {
    return users + " user syncs as SQL only: lookup (count, and the page when found) then insert user + outbox in"
        + " one transaction";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("user", users, (index, client) -> syncUser(index)));
  }

  private Future<?> syncUser(long index) {
    String userName = tenant + "-" + index + "@sql.example";
    long lookupStart = System.nanoTime();
    return pool.preparedQuery(COUNT).execute(Tuple.of(tenant, userName))
        .compose(count -> count.iterator().next().getLong(0) == 0 ? Future.succeededFuture()
            : pool.preparedQuery(PAGE).execute(Tuple.of(tenant, userName, 100, 0)))
        .andThen(ar -> timed(LOOKUP, lookupStart, ar.succeeded()))
        .compose(page -> create(userName, "ext-" + index));
  }

  private Future<?> create(String userName, String externalId) {
    long start = System.nanoTime();
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    JsonObject resource = new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName).put("externalId", externalId).put("active", true).put("displayName", userName)
        .put("emails", new JsonArray().add(new JsonObject().put("value", userName).put("type", "work")));
    JsonObject representation = Representation.of("User", "/Users", id.toString(), resource, 1, now, now,
        "http://127.0.0.1/scim/v2/" + tenant);
    ProvisioningEvent event = ProvisioningEvent.of(EventTypes.USER_CREATED, tenant, "User", id.toString(), 1,
        "bench", representation);
    return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(Tuple.from(new Object[] {tenant, id,
            userName, externalId, userName, true, resource, 1L, now, now}))
        .compose(v -> tx.preparedQuery(OUTBOX).execute(Tuple.of(Topics.USER_EVENTS, event.key(), event.toJson()))))
        .andThen(ar -> timed(CREATE, start, ar.succeeded()));
  }

  private void timed(String op, long start, boolean ok) {
    recorder.op(op).record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start), ok ? 200 : 500,
        ok ? null : "SQL failed");
  }
}
