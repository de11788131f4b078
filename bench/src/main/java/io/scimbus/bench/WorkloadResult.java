package io.scimbus.bench;

import java.util.List;

/** One measured run: where (topology or ceiling), what, how hard, how long, and what every process used. */
record WorkloadResult(String where, String workload, String describe, String load, double seconds,
    Recorder recorder, List<Usage> usage) {

  /**
   * Completed units of phase {@code phase} per second while that phase ran (a user sync's rate is not diluted by
   * the groups phase after it).
   */
  double unitsPerSecond(String phase) {
    OpStats units = recorder.ops().get(Phase.UNIT_PREFIX + phase);
    Double phaseSeconds = recorder.phaseSeconds(phase);
    return units == null ? 0 : units.count() / (phaseSeconds == null ? seconds : phaseSeconds);
  }

  double perSecond(String op) {
    OpStats stats = recorder.ops().get(op);
    return stats == null ? 0 : stats.count() / seconds;
  }

  OpStats op(String op) {
    return recorder.ops().get(op);
  }
}
