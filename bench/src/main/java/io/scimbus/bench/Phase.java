package io.scimbus.bench;

import io.vertx.core.Future;

/**
 * One stage of a workload: {@code units} independent pieces of work (a unit is a few requests an IdP sends in a
 * row, e.g. lookup then create), run by the load generator's concurrent loops. Each unit's latency is recorded
 * as the operation {@code unit:<name>}.
 */
public record Phase(String name, long units, Unit unit) {
  static final String UNIT_PREFIX = "unit:";

  /** Runs unit number {@code index} (0-based). */
  @FunctionalInterface
  public interface Unit {
    Future<?> run(long index, ScimClient client);
  }
}
