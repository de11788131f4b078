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
 * last_error text, head boolean DEFAULT false}. {@code head} marks each key's oldest pending item; the
 * {@code work_queue_heads()} trigger (notifier's migration V004) keeps it on insert, delete and change of state.
 * Claims read partial indexes on {@code (group_key, next_attempt_at, id)} where pending and head, and on
 * {@code (group_key)} where pending and leased; the trigger, on {@code (ordering_key, id)} and
 * {@code (ordering_key)} where pending (and head). An item's {@code attempts} counts its claims.
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
    // groups: each group with a pending head, by a skip scan of the heads index (one probe per group). Per group,
    // busy counts its items in flight and the lateral takes its oldest due heads up to perGroup, both through
    // indexes, so a claim reads about (groups x perGroup) rows however long the backlog.
    this.claim = "WITH RECURSIVE groups(g) AS ((SELECT group_key FROM " + t + " WHERE state = 'pending' AND head"
        + " ORDER BY group_key LIMIT 1) UNION ALL SELECT (SELECT n.group_key FROM " + t + " n"
        + " WHERE n.state = 'pending' AND n.head AND n.group_key > groups.g ORDER BY n.group_key LIMIT 1)"
        + " FROM groups WHERE groups.g IS NOT NULL),"
        + " candidates AS (SELECT h.id, h.next_attempt_at FROM groups"
        + " CROSS JOIN LATERAL (SELECT count(*) AS n FROM " + t + " b WHERE b.group_key = groups.g"
        + " AND b.state = 'pending' AND b.lease_until >= now()) busy"
        + " CROSS JOIN LATERAL (SELECT h.id, h.next_attempt_at FROM " + t + " h WHERE h.group_key = groups.g"
        + " AND h.state = 'pending' AND h.head AND h.next_attempt_at <= now()"
        + " AND (h.lease_until IS NULL OR h.lease_until < now())"
        + " ORDER BY h.next_attempt_at, h.id LIMIT least($1, greatest($2 - busy.n, 0))) h"
        + " WHERE groups.g IS NOT NULL),"
        + " chosen AS (SELECT c.id FROM " + t + " c WHERE c.id IN (SELECT id FROM candidates"
        + " ORDER BY next_attempt_at, id LIMIT $1) FOR UPDATE SKIP LOCKED)"
        + " UPDATE " + t + " q SET attempts = q.attempts + 1,"
        + " lease_until = now() + $3::bigint * interval '1 millisecond' FROM chosen WHERE q.id = chosen.id"
        // re-checked on the newest row version: a claim that committed meanwhile wins
        + " AND q.state = 'pending' AND q.head AND (q.lease_until IS NULL OR q.lease_until < now())"
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
