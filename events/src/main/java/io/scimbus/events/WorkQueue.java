package io.scimbus.events;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work queue kept in a PostgreSQL table, worked by any number of replicas. Only the oldest pending item of each
 * ordering key can be claimed, so one key's items are worked one at a time, in order, while other keys proceed; a
 * group (for example a webhook endpoint) has at most {@code perGroup} items in flight, across replicas, so one slow
 * group cannot take every worker.
 *
 * <p>A claim locks candidate rows with {@code FOR UPDATE SKIP LOCKED} (concurrent claimers pass over each other's
 * rows instead of waiting) and leases them: it sets {@code lease_until} and commits at once, so no connection is
 * held while the work runs, and a worker that dies leaves an item that is claimed again when its lease runs out
 * (at least once). The worker's {@link Outcome} then deletes the item, schedules its next attempt, or sets it aside
 * as dead (it then no longer holds back its key). Claims run on a wake-up after a commit that added items, when an
 * item finished, when a retry falls due, and on a poll as a safety net for items added by other replicas.
 *
 * <p>The table, created by the owning service's migration and named by its code, has at least:
 * {@code id bigserial PRIMARY KEY, ordering_key text, group_key text, state text DEFAULT 'pending'} ('pending' or
 * 'dead'), {@code attempts int DEFAULT 0, next_attempt_at timestamptz DEFAULT now(), lease_until timestamptz,
 * last_error text}, with partial indexes on {@code (ordering_key, id)}, {@code (next_attempt_at)} and
 * {@code (group_key)} where {@code state = 'pending'}. An item's {@code attempts} counts its claims.
 */
public final class WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  /** What {@link Worker} decided for an item. */
  public sealed interface Outcome {
    /** Done: the item is deleted. */
    record Done() implements Outcome {
    }

    /** Try again after {@code delay}; {@code error} is kept on the row for operators. */
    record Retry(Duration delay, String error) implements Outcome {
    }

    /** Set aside: the item stays as a dead letter and no longer holds back its key. */
    record Dead(String reason) implements Outcome {
    }
  }

  /** Works one claimed item; a failed future is retried after the poll interval. */
  @FunctionalInterface
  public interface Worker {
    Future<Outcome> process(Item item);
  }

  /** A claimed item: its queue columns and the whole row, for the owner's own columns. */
  public record Item(long id, String orderingKey, String groupKey, int attempt, Row row) {
  }

  /**
   * {@code concurrency} items in flight per queue instance, {@code perGroup} per group across instances;
   * {@code lease} must outlast the longest piece of work.
   */
  public record Settings(String table, int concurrency, int perGroup, Duration lease, Duration poll) {
  }

  private final Vertx vertx;
  private final Pool pool;
  private final Settings settings;
  private final Worker worker;
  private final String claim;
  private final String delete;
  private final String retry;
  private final String bury;
  private int inFlight;
  private boolean claiming;
  private boolean wakeRequested;
  private boolean stopped;
  private long pollTimer = -1;

  public WorkQueue(Vertx vertx, Pool pool, Settings settings, Worker worker) {
    this.vertx = vertx;
    this.pool = pool;
    this.settings = settings;
    this.worker = worker;
    String t = settings.table();
    // heads: the oldest pending item of each key, due and not leased. busy: each group's items in flight, counted
    // once per claim (counted per head, a backlog of n items made every claim cost n squared). slot: a head's rank
    // among its group's heads plus the group's items in flight, so one claim never takes more than perGroup of a
    // group.
    this.claim = "WITH heads AS (SELECT q.id, q.group_key, q.next_attempt_at FROM " + t + " q"
        + " WHERE q.state = 'pending' AND q.next_attempt_at <= now()"
        + " AND (q.lease_until IS NULL OR q.lease_until < now())"
        + " AND NOT EXISTS (SELECT 1 FROM " + t + " o WHERE o.ordering_key = q.ordering_key"
        + " AND o.state = 'pending' AND o.id < q.id)),"
        + " busy AS (SELECT b.group_key, count(*) AS n FROM " + t + " b WHERE b.state = 'pending'"
        + " AND b.lease_until >= now() GROUP BY b.group_key),"
        + " ranked AS (SELECT h.id, h.next_attempt_at,"
        + " row_number() OVER (PARTITION BY h.group_key ORDER BY h.next_attempt_at, h.id)"
        + " + coalesce(busy.n, 0) AS slot FROM heads h LEFT JOIN busy ON busy.group_key = h.group_key),"
        + " chosen AS (SELECT c.id FROM " + t + " c WHERE c.id IN (SELECT id FROM ranked WHERE slot <= $2"
        + " ORDER BY next_attempt_at, id LIMIT $1) FOR UPDATE SKIP LOCKED)"
        + " UPDATE " + t + " q SET attempts = q.attempts + 1,"
        + " lease_until = now() + $3::bigint * interval '1 millisecond' FROM chosen WHERE q.id = chosen.id"
        // re-checked on the newest row version: a claim that committed meanwhile wins
        + " AND q.state = 'pending' AND (q.lease_until IS NULL OR q.lease_until < now())"
        + " RETURNING q.*";
    this.delete = "DELETE FROM " + t + " WHERE id = $1";
    this.retry = "UPDATE " + t + " SET next_attempt_at = now() + $2::bigint * interval '1 millisecond', lease_until = NULL,"
        + " last_error = $3 WHERE id = $1";
    this.bury = "UPDATE " + t + " SET state = 'dead', lease_until = NULL, last_error = $2 WHERE id = $1";
  }

  public void start() {
    pollTimer = vertx.setPeriodic(settings.poll().toMillis(), id -> wake());
    wake();
  }

  /** Claims now, for example after a commit that added items; cheap when there is nothing to do. */
  public void wake() {
    if (stopped) {
      return;
    }
    if (claiming) {
      wakeRequested = true;
      return;
    }
    int free = settings.concurrency() - inFlight;
    if (free <= 0) {
      // a finishing item wakes the queue again
      return;
    }
    claiming = true;
    wakeRequested = false;
    pool.preparedQuery(claim).execute(Tuple.of(free, settings.perGroup(), settings.lease().toMillis()))
        .onComplete(claimed -> {
          claiming = false;
          if (claimed.failed()) {
            LOG.warn("queue={} claim failed, next poll retries: {}", settings.table(), claimed.cause().toString());
            return;
          }
          for (Row row : claimed.result()) {
            run(new Item(row.getLong("id"), row.getString("ordering_key"), row.getString("group_key"),
                row.getInteger("attempts"), row));
          }
          if (wakeRequested) {
            wake();
          }
        });
  }

  /** Stops claiming; items in flight finish or, if the process ends first, are claimed again after their lease. */
  public void stop() {
    stopped = true;
    vertx.cancelTimer(pollTimer);
  }

  private void run(Item item) {
    inFlight++;
    Future<Outcome> outcome;
    try {
      outcome = worker.process(item);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome
        .recover(failure -> Future.succeededFuture(new Outcome.Retry(settings.poll(), failure.toString())))
        .compose(decided -> settle(item, decided).map(decided))
        .onComplete(settled -> {
          inFlight--;
          if (settled.failed()) {
            LOG.warn("queue={} item={} outcome not stored, its lease will expire: {}", settings.table(), item.id(),
                settled.cause().toString());
          } else if (settled.result() instanceof Outcome.Retry retried && !retried.delay().isZero()
              && retried.delay().compareTo(settings.poll()) < 0) {
            // a wait shorter than the poll would otherwise be stretched to it
            vertx.setTimer(retried.delay().toMillis(), id -> wake());
          }
          wake();
        });
  }

  private Future<Void> settle(Item item, Outcome outcome) {
    Tuple params;
    String sql;
    if (outcome instanceof Outcome.Retry r) {
      sql = retry;
      params = Tuple.of(item.id(), r.delay().toMillis(), r.error());
    } else if (outcome instanceof Outcome.Dead d) {
      sql = bury;
      params = Tuple.of(item.id(), d.reason());
    } else {
      sql = delete;
      params = Tuple.of(item.id());
    }
    return pool.preparedQuery(sql).execute(params).mapEmpty();
  }
}
