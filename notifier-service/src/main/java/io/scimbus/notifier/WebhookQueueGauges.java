package io.scimbus.notifier;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook queue as the database has it, sampled so every replica reports the same:
 * {@code scimbus_webhook_queue_depth} (pending deliveries), {@code scimbus_webhook_queue_age_seconds} (the oldest
 * pending one), {@code scimbus_webhook_endpoint_queue_depth{endpoint}} for the {@value #ENDPOINT_SERIES} endpoints
 * with the deepest queues only (an endpoint id is a label, so the cap keeps the series bounded whatever the number
 * of tenants), and {@code scimbus_webhook_endpoints_disabled}.
 */
final class WebhookQueueGauges {
  static final String DEPTH = "scimbus.webhook.queue.depth";
  static final String AGE = "scimbus.webhook.queue.age.seconds";
  static final String ENDPOINT_DEPTH = "scimbus.webhook.endpoint.queue.depth";
  static final String DISABLED = "scimbus.webhook.endpoints.disabled";
  static final int ENDPOINT_SERIES = 20;
  private static final long SAMPLE_MS = 5_000;
  private static final String TOTALS = "SELECT count(*),"
      + " coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM webhook_deliveries"
      + " WHERE state = 'pending'";
  private static final String DEEPEST = "SELECT endpoint_id::text, count(*) FROM webhook_deliveries"
      + " WHERE state = 'pending' GROUP BY endpoint_id ORDER BY count(*) DESC LIMIT " + ENDPOINT_SERIES;
  private static final String DISABLED_COUNT = "SELECT count(*) FROM webhook_endpoints WHERE NOT enabled";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookQueueGauges.class);

  private final Vertx vertx;
  private final Pool pool;
  private final MultiGauge perEndpoint;
  private volatile double depth = Double.NaN;
  private volatile double ageSeconds = Double.NaN;
  private volatile double disabled = Double.NaN;
  private long timerId = -1;

  WebhookQueueGauges(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
    this.perEndpoint = MultiGauge.builder(ENDPOINT_DEPTH)
        .description("pending deliveries of the endpoints with the deepest queues").register(Meters.registry());
  }

  void start() {
    Meters.gauge(DEPTH, "webhook deliveries pending", Tags.empty(), () -> depth);
    Meters.gauge(AGE, "age of the oldest pending webhook delivery", Tags.empty(), () -> ageSeconds);
    Meters.gauge(DISABLED, "webhook endpoints disabled", Tags.empty(), () -> disabled);
    sample();
    timerId = vertx.setPeriodic(SAMPLE_MS, id -> sample());
  }

  void stop() {
    vertx.cancelTimer(timerId);
  }

  private void sample() {
    Future.all(query(TOTALS), query(DEEPEST), query(DISABLED_COUNT))
        .onSuccess(all -> {
          Row totals = all.<RowSet<Row>>resultAt(0).iterator().next();
          depth = totals.getLong(0);
          ageSeconds = totals.getDouble(1);
          List<MultiGauge.Row<?>> rows = new ArrayList<>();
          for (Row row : all.<RowSet<Row>>resultAt(1)) {
            rows.add(MultiGauge.Row.of(Tags.of("endpoint", row.getString(0)), row.getLong(1)));
          }
          perEndpoint.register(rows, true);
          disabled = all.<RowSet<Row>>resultAt(2).iterator().next().getLong(0);
        })
        .onFailure(failure -> {
          // Unknown, not zero: a queue that cannot be read is no reason to believe it is empty.
          depth = Double.NaN;
          ageSeconds = Double.NaN;
          disabled = Double.NaN;
          LOG.debug("webhook queue not sampled: {}", failure.toString());
        });
  }

  private Future<RowSet<Row>> query(String sql) {
    return pool.query(sql).execute();
  }
}
