package io.scimbus.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and RSS per process over a workload: a snapshot before, one after. Processes are named; a tree (PostgreSQL)
 * counts its descendants too. PostgreSQL RSS sums shared buffers once per backend, so it overstates.
 */
final class UsageMeter {
  private final Map<String, Long> processes;
  private final Map<String, Long> trees;
  private final Map<String, ProcStat> before = new LinkedHashMap<>();
  private long startNanos;

  UsageMeter(Map<String, Long> processes, Map<String, Long> trees) {
    this.processes = processes;
    this.trees = trees;
  }

  UsageMeter start() {
    startNanos = System.nanoTime();
    processes.forEach((name, pid) -> before.put(name, ProcStat.of(pid)));
    trees.forEach((name, pid) -> before.put(name, ProcStat.ofTree(pid)));
    return this;
  }

  List<Usage> stop() {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    List<Usage> usage = new ArrayList<>();
    processes.forEach((name, pid) -> usage.add(usage(name, before.get(name), ProcStat.of(pid), seconds)));
    trees.forEach((name, pid) -> usage.add(usage(name, before.get(name), ProcStat.ofTree(pid), seconds)));
    return usage;
  }

  private static Usage usage(String name, ProcStat from, ProcStat to, double seconds) {
    double cpu = (to.cpuTicks() - from.cpuTicks()) / ProcStat.TICKS_PER_SECOND;
    return new Usage(name, cpu, cpu / seconds, to.rssKb() / 1024.0);
  }
}
