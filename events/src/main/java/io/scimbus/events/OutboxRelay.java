package io.scimbus.events;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.DurableProducer;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.store.PgText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes each once Kafka acknowledged it (acks=all,
 * idempotent producer). One relay per service works at a time (a transaction-scoped advisory lock), which keeps
 * per-resource order across replicas. Each row's send is judged alone:
 * <ul>
 *   <li>acknowledged: deleted;
 *   <li>failed because Kafka is away or busy (a {@link RetriableException}): kept untouched and sent again later,
 *       however long that takes (at least once, nothing is given up while Kafka is down);
 *   <li>refused for itself (too large, say): its {@code attempts} count goes up, and at
 *       {@link ConfigKeys#QUEUE_MAX_ATTEMPTS} it moves to the service's dead-letter table in the same transaction,
 *       with a counter and an error log line.
 * </ul>
 * So no row can hold back the others. A later event of the same resource is published even while an earlier one
 * waits for another attempt or sits in dead letters; every event carries the resource's {@code version}, so a
 * consumer tells a replayed older event from the newer ones.
 */
public final class OutboxRelay implements Requeue {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  // A commit's wake-up waits this long, so that under load one relay transaction carries many commits' events.
  private static final long WAKE_LINGER_MS = 5;
  private static final int PRODUCER_LINGER_MS = 2;
  // A relay transaction holds its rows locked while it waits for Kafka, so it gives up sooner than a log writer.
  private static final int DELIVERY_TIMEOUT_MS = 20_000;
  private static final int MAX_BLOCK_MS = 10_000;
  private static final long GAUGE_SAMPLE_MS = 5_000;
  private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext($1))";

  private final Vertx vertx;
  private final Pool pool;
  private final KafkaProducer<String, String> producer;
  private final String table;
  private final DeadLetterStore deadLetters;
  private final String select;
  private final String delete;
  private final String countFailures;
  private final String requeue;
  private final long pollMs;
  private final int maxAttempts;
  private final OutboxGauges gauges;
  private boolean draining;
  private boolean wakeRequested;
  private long timerId = -1;
  private boolean stopped;
  private boolean lingering;
  private volatile boolean publishing = true;

  public OutboxRelay(Vertx vertx, Pool pool, ServiceConfig config, String table, DeadLetterStore deadLetters) {
    this.vertx = vertx;
    this.pool = pool;
    this.table = table;
    this.deadLetters = deadLetters;
    this.select = "SELECT seq, topic, record_key, payload::text FROM " + table + " ORDER BY seq LIMIT " + BATCH
        + " FOR UPDATE";
    this.delete = "DELETE FROM " + table + " WHERE seq = ANY($1)";
    this.countFailures = "UPDATE " + table + " o SET attempts = o.attempts + 1, last_error = f.error,"
        + " first_failed_at = coalesce(o.first_failed_at, now()), last_failed_at = now()"
        + " FROM unnest($1::bigint[], $2::text[]) AS f(seq, error) WHERE o.seq = f.seq RETURNING o.seq, o.attempts";
    this.requeue = "INSERT INTO " + table + " (topic, record_key, payload) VALUES ($1, $2, convert_from($3, 'UTF8')"
        + "::jsonb)";
    this.pollMs = config.longValue(ConfigKeys.OUTBOX_POLL_MS);
    this.maxAttempts = config.integer(ConfigKeys.QUEUE_MAX_ATTEMPTS);
    this.producer = DurableProducer.create(vertx, config, PRODUCER_LINGER_MS, DELIVERY_TIMEOUT_MS, MAX_BLOCK_MS);
    this.gauges = new OutboxGauges(vertx, pool, table, GAUGE_SAMPLE_MS);
  }

  public void start() {
    gauges.start();
    DeadLetterMetrics.register(deadLetters.table());
    schedule(0);
  }

  /** Called after a commit that wrote outbox rows, so events leave without waiting for the next poll. */
  public void wake() {
    if (draining) {
      wakeRequested = true;
    } else if (!stopped && !lingering) {
      lingering = true;
      schedule(WAKE_LINGER_MS);
    }
  }

  /** A replayed dead letter becomes the newest outbox row again, with a fresh attempt count. */
  @Override
  public Future<Void> requeue(SqlClient tx, DeadLetterStore.DeadLetter letter) {
    return tx.preparedQuery(requeue).execute(Tuple.of(letter.queue(), letter.key(), letter.payload())).mapEmpty();
  }

  @Override
  public void committed() {
    wake();
  }

  /** False while the latest attempt to publish to Kafka failed: events wait in the outbox. */
  public boolean publishing() {
    return publishing;
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    gauges.stop();
    return producer.close();
  }

  private void schedule(long delayMs) {
    vertx.cancelTimer(timerId);
    timerId = vertx.setTimer(Math.max(1, delayMs), id -> drain());
  }

  private void drain() {
    if (draining || stopped) {
      return;
    }
    draining = true;
    lingering = false;
    wakeRequested = false;
    drainOnce().onComplete(result -> {
      draining = false;
      if (result.succeeded()) {
        DeadLetterMetrics.add(deadLetters.table(), result.result().parked());
      }
      // Every row of a batch refused (Kafka unreachable) counts as not publishing; one refused record does not.
      Drained drained = result.succeeded() ? result.result() : null;
      publishing = drained != null && (drained.rows() == 0 || drained.waiting() < drained.rows());
      if (result.failed()) {
        LOG.warn("outbox={} publish failed, will retry: {}", table, result.cause().toString());
        schedule(pollMs);
      } else if (result.result().waiting() > 0) {
        schedule(pollMs);
      } else if (result.result().rows() == BATCH) {
        schedule(0);
      } else if (wakeRequested) {
        schedule(WAKE_LINGER_MS);
      } else {
        schedule(pollMs);
      }
    });
  }

  private Future<Drained> drainOnce() {
    return pool.withTransaction(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(table)).compose(lock -> {
      if (!lock.iterator().next().getBoolean(0)) {
        return Future.succeededFuture(new Drained(0, 0, 0));
      }
      return conn.preparedQuery(select).execute().compose(this::publish).compose(sends -> settle(conn, sends));
    }));
  }

  /** Sends every row; the future holds each row's own outcome and never fails. */
  private Future<List<Send>> publish(RowSet<Row> rows) {
    List<Send> sends = new ArrayList<>(rows.size());
    List<Future<?>> outcomes = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Send send = new Send(row.getLong(0), row.getString(2));
      sends.add(send);
      outcomes.add(producer.send(KafkaProducerRecord.create(row.getString(1), row.getString(2), row.getString(3)))
          .onComplete(sent -> send.failure = sent.failed() ? sent.cause() : null));
    }
    return Future.join(outcomes).transform(ignored -> Future.succeededFuture(sends));
  }

  /** Deletes what Kafka acknowledged, counts what it refused, and parks what was refused too often. */
  private Future<Drained> settle(SqlConnection tx, List<Send> sends) {
    List<Long> published = new ArrayList<>();
    List<Send> refused = new ArrayList<>();
    List<Send> waiting = new ArrayList<>();
    for (Send send : sends) {
      if (send.failure == null) {
        published.add(send.seq);
      } else if (stopped || send.failure instanceof RetriableException) {
        waiting.add(send);
      } else {
        refused.add(send);
      }
    }
    if (!waiting.isEmpty()) {
      LOG.warn("outbox={} {} of {} events wait for Kafka, first seq={}: {}", table, waiting.size(), sends.size(),
          waiting.get(0).seq, waiting.get(0).failure.toString());
    }
    Future<Void> deleted = published.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery(delete).execute(Tuple.of(published.toArray(new Long[0]))).mapEmpty();
    return deleted.compose(v -> refused.isEmpty() ? Future.succeededFuture(0) : countRefusals(tx, refused))
        .map(parked -> new Drained(sends.size(), waiting.size(), parked));
  }

  /** Counts one more attempt for each refused row; moves those at the limit. The future holds how many moved. */
  private Future<Integer> countRefusals(SqlConnection tx, List<Send> refused) {
    Map<Long, Send> bySeq = new HashMap<>();
    String[] errors = new String[refused.size()];
    for (int i = 0; i < errors.length; i++) {
      bySeq.put(refused.get(i).seq, refused.get(i));
      errors[i] = PgText.storable(refused.get(i).failure.toString());
    }
    Long[] seqs = refused.stream().map(send -> send.seq).toArray(Long[]::new);
    return tx.preparedQuery(countFailures).execute(Tuple.from(new Object[] {seqs, errors})).compose(rows -> {
      List<Long> exhausted = new ArrayList<>();
      for (Row row : rows) {
        int attempts = row.getInteger(1);
        Send send = bySeq.get(row.getLong(0));
        if (attempts >= maxAttempts) {
          exhausted.add(send.seq);
          LOG.error("outbox={} seq={} key={} refused {} times, moved to {}: {}", table, send.seq, send.key,
              attempts, deadLetters.table(), send.failure.toString());
        } else {
          LOG.warn("outbox={} seq={} key={} refused (attempt {} of {}): {}", table, send.seq, send.key, attempts,
              maxAttempts, send.failure.toString());
        }
      }
      return exhausted.isEmpty() ? Future.succeededFuture(0)
          : deadLetters.moveFromOutbox(tx, table, exhausted.toArray(new Long[0]));
    });
  }

  /** One row's send and, once Kafka answered, its failure (null when acknowledged). */
  private static final class Send {
    private final long seq;
    private final String key;
    private Throwable failure;

    private Send(long seq, String key) {
      this.seq = seq;
      this.key = key;
    }
  }

  /** Rows of one relay transaction: how many it saw, how many wait for Kafka to come back, how many it parked. */
  private record Drained(int rows, int waiting, int parked) {
  }
}
