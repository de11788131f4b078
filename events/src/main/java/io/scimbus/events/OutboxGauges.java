package io.scimbus.events;

import io.micrometer.core.instrument.Tags;
import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far an outbox lags: {@code scimbus_outbox_depth{outbox}} rows waiting and {@code scimbus_outbox_age_seconds}
 * the age of the oldest (0 when empty), sampled from the table so that every replica reports the same truth whether
 * or not its relay holds the lock. A growing age means events are not reaching Kafka.
 */
public final class OutboxGauges {
  public static final String DEPTH = "scimbus.outbox.depth";
  public static final String AGE = "scimbus.outbox.age.seconds";
  public static final String OUTBOX_TAG = "outbox";
  private static final Logger LOG = LoggerFactory.getLogger(OutboxGauges.class);

  private final Vertx vertx;
  private final Pool pool;
  private final String table;
  private final String sample;
  private final long periodMs;
  private volatile double depth = Double.NaN;
  private volatile double ageSeconds = Double.NaN;
  private long timerId = -1;

  /** {@code table} comes from the service's own code, never from a request. */
  public OutboxGauges(Vertx vertx, Pool pool, String table, long periodMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.table = table;
    this.periodMs = periodMs;
    this.sample = "SELECT count(*), coalesce(extract(epoch FROM now() - min(created)), 0)::float8 FROM " + table;
  }

  public void start() {
    Tags tags = Tags.of(OUTBOX_TAG, table);
    Meters.gauge(DEPTH, "outbox rows not yet published to Kafka", tags, () -> depth);
    Meters.gauge(AGE, "age of the oldest outbox row not yet published", tags, () -> ageSeconds);
    sample();
    timerId = vertx.setPeriodic(periodMs, id -> sample());
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  private void sample() {
    pool.query(sample).execute()
        .onSuccess(rows -> {
          Row row = rows.iterator().next();
          depth = row.getLong(0);
          ageSeconds = row.getDouble(1);
        })
        .onFailure(failure -> {
          // Unknown, not zero: an outbox that cannot be read is no reason to believe it is empty.
          depth = Double.NaN;
          ageSeconds = Double.NaN;
          LOG.debug("outbox={} not sampled: {}", table, failure.toString());
        });
  }
}
