package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.bench.workload.SeededUsers;
import java.time.Duration;
import java.util.Map;

/**
 * Drives any SCIM server at {@code --base-url} with {@code --token}: nothing is started and BENCHMARKS.md is left
 * alone; the figures go to stdout. Workloads that need scimbus internals (seeding, per-tenant tokens) are not offered.
 */
final class ExternalRun {
  private ExternalRun() {
  }

  static void run(BenchOptions options) {
    Target target = new Target(options.string("base-url"), options.string("token"));
    String runId = "bench" + Long.toString(System.currentTimeMillis(), 36);
    try (LoadGenerator generator = new LoadGenerator(options.integer("connections"))) {
      UsageMeter meter = new UsageMeter(Map.of("load generator", ProcessHandle.current().pid()), Map.of());
      SeededUsers names = new SeededUsers(runId, options.integer("population"));
      switch (options.string("workload")) {
        case "entra-sync" -> generator.closedLoop(options.string("base-url"), new EntraInitialSync(target, runId,
                options.integer("users"), options.integer("groups"), options.integer("members"),
                options.integer("batch")), new Recorder(), options.integer("connections"), FullRun.limits(options),
            meter);
        case "lookup" -> generator.fixedRate(options.string("base-url"), "lookup-fixed-rate",
            "GET /Users?filter=userName eq", target,
            names::userNameLookup,
            options.integer("rate"), Duration.ofSeconds(options.integer("rate-seconds")), meter);
        default -> throw new IllegalArgumentException("--workload is entra-sync or lookup against another server");
      }
    }
  }
}
