package io.scimbus.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once Kafka acknowledged every one (acks=all,
 * idempotent producer). One relay per service works at a time (a transaction-scoped advisory lock), which keeps
 * per-resource order across replicas. If Kafka is down the transaction rolls back and the rows wait: at least once.
 */
public final class OutboxRelay {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 500;
  // A commit's wake-up waits this long, so that under load one relay transaction carries many commits' events.
  private static final long WAKE_LINGER_MS = 5;
  private static final int PRODUCER_LINGER_MS = 2;
  // A relay transaction holds its rows locked while it waits for Kafka, so it gives up sooner than a log writer.
  private static final int DELIVERY_TIMEOUT_MS = 20_000;
  private static final int MAX_BLOCK_MS = 10_000;
  private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext($1))";

  private final Vertx vertx;
  private final Pool pool;
  private final KafkaProducer<String, String> producer;
  private final String table;
  private final String select;
  private final String delete;
  private final long pollMs;
  private boolean draining;
  private boolean wakeRequested;
  private long timerId = -1;
  private boolean stopped;
  private boolean lingering;

  public OutboxRelay(Vertx vertx, Pool pool, ServiceConfig config, String table) {
    this.vertx = vertx;
    this.pool = pool;
    this.table = table;
    this.select = "SELECT seq, topic, record_key, payload::text FROM " + table + " ORDER BY seq LIMIT " + BATCH
        + " FOR UPDATE";
    this.delete = "DELETE FROM " + table + " WHERE seq = ANY($1)";
    this.pollMs = config.longValue(ConfigKeys.OUTBOX_POLL_MS);
    this.producer = DurableProducer.create(vertx, config, PRODUCER_LINGER_MS, DELIVERY_TIMEOUT_MS, MAX_BLOCK_MS);
  }

  public void start() {
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

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
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
      if (result.failed()) {
        LOG.warn("outbox={} publish failed, will retry: {}", table, result.cause().toString());
        schedule(pollMs);
      } else if (result.result() == BATCH) {
        schedule(0);
      } else if (wakeRequested) {
        schedule(WAKE_LINGER_MS);
      } else {
        schedule(pollMs);
      }
    });
  }

  private Future<Integer> drainOnce() {
    return pool.withTransaction(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(table)).compose(lock -> {
      if (!lock.iterator().next().getBoolean(0)) {
        return Future.succeededFuture(0);
      }
      return conn.preparedQuery(select).execute().compose(rows -> publish(rows)
          .compose(seqs -> seqs.length == 0 ? Future.succeededFuture(0)
              : conn.preparedQuery(delete).execute(Tuple.of(seqs)).map(seqs.length)));
    }));
  }

  private Future<Long[]> publish(RowSet<Row> rows) {
    List<Future<?>> acks = new ArrayList<>();
    Long[] seqs = new Long[rows.size()];
    int i = 0;
    for (Row row : rows) {
      seqs[i++] = row.getLong(0);
      acks.add(producer.send(KafkaProducerRecord.create(row.getString(1), row.getString(2), row.getString(3))));
    }
    return Future.all(acks).map(seqs);
  }
}
