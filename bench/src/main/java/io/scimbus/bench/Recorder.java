package io.scimbus.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The operations of one workload run, in the order they first happened. */
public final class Recorder {
  private final Map<String, OpStats> ops = new LinkedHashMap<>();

  public synchronized OpStats op(String name) {
    return ops.computeIfAbsent(name, n -> new OpStats());
  }

  public synchronized Map<String, OpStats> ops() {
    return new LinkedHashMap<>(ops);
  }

  public long requests() {
    return ops().entrySet().stream().filter(e -> !e.getKey().startsWith(Phase.UNIT_PREFIX))
        .mapToLong(e -> e.getValue().count()).sum();
  }

  public long errors() {
    return ops().values().stream().mapToLong(OpStats::errors).sum();
  }
}
