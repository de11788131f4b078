package io.scimbus.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The operations of one workload run, in the order they first happened. */
public final class Recorder {
  private final Map<String, OpStats> ops = new LinkedHashMap<>();
  private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();

  public synchronized OpStats op(String name) {
    return ops.computeIfAbsent(name, n -> new OpStats());
  }

  public synchronized Map<String, OpStats> ops() {
    return new LinkedHashMap<>(ops);
  }

  /** How long phase {@code name} ran, from its first unit sent to its last answered. */
  public synchronized void phaseTook(String name, double seconds) {
    phaseSeconds.put(name, seconds);
  }

  /** The phase's duration, or null when the runner did not time it (fixed-rate runs have no phases). */
  public synchronized Double phaseSeconds(String name) {
    return phaseSeconds.get(name);
  }

  public long requests() {
    return ops().entrySet().stream().filter(e -> !e.getKey().startsWith(Phase.UNIT_PREFIX))
        .mapToLong(e -> e.getValue().count()).sum();
  }

  public long errors() {
    return ops().values().stream().mapToLong(OpStats::errors).sum();
  }
}
