package io.scimbus.events;

import io.micrometer.core.instrument.Counter;
import io.scimbus.runtime.metrics.Meters;

/** The counter of records parked in dead-letter tables, on the registry {@code /metrics} serves. */
public final class DeadLetterMetrics {
  /** Micrometer name; Prometheus shows it as {@code scimbus_dead_letters_total{table=...}}. */
  public static final String COUNTER = "scimbus.dead.letters";
  public static final String TABLE_TAG = "table";

  private DeadLetterMetrics() {
  }

  /** Shows {@code table}'s counter at 0 from start-up, so that rate() and increase() see its first record. */
  public static void register(String table) {
    counter(table);
  }

  /** Counts {@code records} parked in {@code table}, once the transaction that parked them committed. */
  public static void add(String table, int records) {
    if (records > 0) {
      counter(table).increment(records);
    }
  }

  private static Counter counter(String table) {
    return Counter.builder(COUNTER).description("records moved to a dead-letter table").tag(TABLE_TAG, table)
        .register(Meters.registry());
  }
}
