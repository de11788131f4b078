package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.bench.workload.SeededUsers;
import java.time.Duration;
import java.util.Map;

/**
 * Drives any SCIM server at {@code --base-url} with {@code --token}: nothing is started and BENCHMARKS.md is left
 * alone; the figures go to stdout. Workloads that need scimbus internals (seeding, per-tenant tokens) are not offered.
 * Each workload first runs for {@code --warmup-seconds} and its figures are thrown away, so neither the generator's
 * JVM nor the server is measured cold; the server's JIT is not watched, as its processes are not known here.
 */
final class ExternalRun {
  private static final String LOOKUP = "GET /Users?filter=userName eq";

  private ExternalRun() {
  }

  /** Runs the workload {@code --workload} names and returns its measured figures (the warm-up's are not in them). */
  static WorkloadResult run(BenchOptions options) {
    String baseUrl = options.string("base-url");
    Target target = new Target(baseUrl, options.string("token"));
    String runId = "bench" + Long.toString(System.currentTimeMillis(), 36);
    Duration warmUp = Duration.ofSeconds(options.integer("warmup-seconds"));
    int connections = options.integer("connections");
    try (LoadGenerator generator = new LoadGenerator(connections)) {
      UsageMeter meter = new UsageMeter(Map.of("load generator", ProcessHandle.current().pid()), Map.of());
      SeededUsers names = new SeededUsers(runId, options.integer("population"));
      switch (options.string("workload")) {
        case "entra-sync" -> {
          generator.warmUp(baseUrl, new EntraInitialSync(target, runId + "w", Integer.MAX_VALUE, 0, 0,
              options.integer("batch")), connections, warmUp);
          return generator.closedLoop(baseUrl, new EntraInitialSync(target, runId, options.integer("users"),
                  options.integer("groups"), options.integer("members"), options.integer("batch")), new Recorder(),
              connections, FullRun.limits(options), meter);
        }
        case "lookup" -> {
          int rate = options.integer("rate");
          // the warm-up's names start half the population away, so the measured lookups are not a replay of them
          long offset = names.count() / 2;
          if (!warmUp.isZero()) {
            generator.fixedRate(baseUrl, "lookup-warmup", LOOKUP, target, n -> names.userNameLookup(n + offset),
                rate, warmUp, meter);
          }
          return generator.fixedRate(baseUrl, "lookup-fixed-rate", LOOKUP, target, names::userNameLookup, rate,
              Duration.ofSeconds(options.integer("rate-seconds")), meter);
        }
        default -> throw new IllegalArgumentException("--workload is entra-sync or lookup against another server");
      }
    }
  }
}
