package io.scimbus.bench;

import java.util.List;

/** Everything a report shows about one run. */
record RunSummary(String flags, String startedAt, String duration, String machine, String loadBefore,
    String busyVerdict, String sizes, int population, List<WorkloadResult> results, JfrProfile.Summary profile) {

  /** The result of {@code workload} at {@code where}: the serial (one in flight) run or the loaded one. */
  WorkloadResult find(String where, String workload, boolean serial) {
    return results.stream()
        .filter(r -> r.where().equals(where) && r.workload().equals(workload)
            && r.load().startsWith("1 concurrent") == serial)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + (serial ? "serial " : "") + workload + " at " + where));
  }
}
