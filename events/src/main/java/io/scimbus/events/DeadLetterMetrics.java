package io.scimbus.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.vertx.micrometer.backends.BackendRegistries;

/** The counter of records parked in dead-letter tables, on the registry {@code /metrics} serves. */
public final class DeadLetterMetrics {
  /** Micrometer name; Prometheus shows it as {@code scimbus_dead_letters_total{table=...}}. */
  public static final String COUNTER = "scimbus.dead.letters";
  public static final String TABLE_TAG = "table";

  private DeadLetterMetrics() {
  }

  /** Counts {@code records} parked in {@code table}, once the transaction that parked them committed. */
  public static void add(String table, int records) {
    if (records > 0) {
      Counter.builder(COUNTER).description("records moved to a dead-letter table").tag(TABLE_TAG, table)
          .register(registry()).increment(records);
    }
  }

  /** Vert.x's registry when metrics are on; Micrometer's global one (which keeps nothing by default) otherwise. */
  public static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry == null ? Metrics.globalRegistry : registry;
  }
}
