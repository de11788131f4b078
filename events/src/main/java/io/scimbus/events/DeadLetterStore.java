package io.scimbus.events;

import io.scimbus.runtime.store.PgText;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL for one service's dead-letter table: records a queue gave up on, with the error, so the queue moves on and an
 * operator can read and replay them. The payload is kept as bytes, so even a record PostgreSQL refused as text
 * (a NUL) can be parked. The tenant is the record key up to its first {@code /}, as every scimbus topic is keyed.
 */
public final class DeadLetterStore {
  private static final String COLUMNS = "queue, tenant_id, record_key, payload, error, attempts, first_failed_at,"
      + " last_failed_at";

  private final String table;
  private final String insert;
  private final String list;
  private final String count;
  private final String take;

  /** {@code table} comes from the service's own code, never from a request. */
  public DeadLetterStore(String table) {
    this.table = table;
    this.insert = "INSERT INTO " + table + " (" + COLUMNS + ")"
        + " VALUES ($1, split_part($2, '/', 1), $2, $3, $4, $5, $6, $7)";
    this.list = "SELECT id, queue, tenant_id, record_key, error, attempts, first_failed_at, last_failed_at,"
        + " octet_length(payload) FROM " + table + " WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2";
    this.count = "SELECT count(*) FROM " + table + " WHERE tenant_id = $1";
    this.take = "DELETE FROM " + table + " WHERE tenant_id = $1 AND id = $2 RETURNING id, queue, record_key, payload";
  }

  public String table() {
    return table;
  }

  /** Parks one consumed record. */
  public Future<Void> add(SqlClient client, String queue, String key, Buffer payload, String error, int attempts,
      OffsetDateTime firstFailure, OffsetDateTime lastFailure) {
    return client.preparedQuery(insert).execute(Tuple.from(new Object[] {queue, PgText.storable(key), payload,
        PgText.storable(error), attempts, firstFailure, lastFailure})).mapEmpty();
  }

  /**
   * Moves outbox rows {@code seqs} of {@code outboxTable} here in one statement, so a row is either still queued or
   * parked, never both or neither. Its topic is the queue; its failure columns come along.
   */
  public Future<Integer> moveFromOutbox(SqlClient tx, String outboxTable, Long[] seqs) {
    String sql = "WITH moved AS (DELETE FROM " + outboxTable + " WHERE seq = ANY($1)"
        + " RETURNING topic, record_key, payload, last_error, attempts, first_failed_at, last_failed_at)"
        + " INSERT INTO " + table + " (" + COLUMNS + ") SELECT topic, split_part(record_key, '/', 1), record_key,"
        + " convert_to(payload::text, 'UTF8'), last_error, attempts, first_failed_at, last_failed_at FROM moved";
    return tx.preparedQuery(sql).execute(Tuple.of(seqs)).map(rows -> rows.rowCount());
  }

  /** The tenant's newest {@code limit} dead letters, without payloads (their size instead). */
  public Future<List<JsonObject>> list(SqlClient client, String tenant, int limit) {
    return client.preparedQuery(list).execute(Tuple.of(tenant, limit)).map(rows -> {
      List<JsonObject> letters = new ArrayList<>();
      rows.forEach(row -> letters.add(toJson(row)));
      return letters;
    });
  }

  public Future<Long> count(SqlClient client, String tenant) {
    return client.preparedQuery(count).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getLong(0));
  }

  /** Removes the tenant's dead letter {@code id} and returns it, or null when there is none. */
  public Future<DeadLetter> take(SqlClient tx, String tenant, long id) {
    return tx.preparedQuery(take).execute(Tuple.of(tenant, id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      return new DeadLetter(row.getLong(0), row.getString(1), row.getString(2), row.getBuffer(3));
    });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", Long.toString(row.getLong(0)))
        .put("queue", row.getString(1))
        .put("tenant", row.getString(2))
        .put("key", row.getString(3))
        .put("error", row.getString(4))
        .put("attempts", row.getInteger(5))
        .put("firstFailedAt", row.getOffsetDateTime(6).toInstant().toString())
        .put("lastFailedAt", row.getOffsetDateTime(7).toInstant().toString())
        .put("size", row.getInteger(8));
  }

  /** A dead letter taken for replay: its queue (a topic), record key and payload. */
  public record DeadLetter(long id, String queue, String key, Buffer payload) {
  }
}
