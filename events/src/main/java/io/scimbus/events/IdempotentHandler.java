package io.scimbus.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies each event at most once. In one PostgreSQL transaction it records the batch's ids in a processed-event log,
 * hands the events not seen before to the effect, and the effect writes its rows on the same connection; if anything
 * fails, nothing is recorded. A consumer that commits its offsets only after {@link #handle} succeeded (as
 * {@code CommittingConsumer} does) turns Kafka's at-least-once delivery into exactly-once effects.
 *
 * <p>The log table is {@code (event_id uuid PRIMARY KEY, ...)}, created by the owning service's migration; its name
 * comes from that service's code, never from input.
 */
public final class IdempotentHandler<T> {
  /** The work done for events seen for the first time, inside the handler's transaction. */
  @FunctionalInterface
  public interface Effect<T> {
    Future<Void> apply(SqlConnection tx, List<T> fresh);
  }

  private final Pool pool;
  private final Function<T, UUID> idOf;
  private final Effect<T> effect;
  private final String mark;

  public IdempotentHandler(Pool pool, String logTable, Function<T, UUID> idOf, Effect<T> effect) {
    this.pool = pool;
    this.idOf = idOf;
    this.effect = effect;
    this.mark = "INSERT INTO " + logTable + " (event_id) SELECT DISTINCT unnest($1::uuid[])"
        + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id";
  }

  /** Applies the batch; the future holds the events that were new, in batch order. */
  public Future<List<T>> handle(List<T> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    UUID[] ids = events.stream().map(idOf).toArray(UUID[]::new);
    return pool.withTransaction(tx -> tx.preparedQuery(mark).execute(Tuple.of(ids)).compose(rows -> {
      Set<UUID> unseen = new HashSet<>();
      for (Row row : rows) {
        unseen.add(row.getUUID(0));
      }
      List<T> fresh = new ArrayList<>(unseen.size());
      for (T event : events) {
        // remove: an id twice in one batch is applied once
        if (unseen.remove(idOf.apply(event))) {
          fresh.add(event);
        }
      }
      return fresh.isEmpty() ? Future.succeededFuture(fresh) : effect.apply(tx, fresh).map(fresh);
    }));
  }
}
