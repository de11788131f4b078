package io.scimbus.bench;

/** What one process (or process tree) used during a workload: CPU seconds, cores on average, RSS at the end. */
public record Usage(String process, double cpuSeconds, double cores, double rssMiB) {
}
