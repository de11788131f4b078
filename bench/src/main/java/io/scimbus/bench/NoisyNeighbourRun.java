package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.testsupport.hostile.HostileRequests;
import io.scimbus.testsupport.hostile.HostileTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench/run --scenario noisy-neighbour}: tenant B's Entra user sync at a fixed rate, first alone, then while
 * tenant A sends the fuzz test's hostile requests at full speed on its own connections, on scimbus in one JVM; the
 * report replaces the noisy-neighbour section of BENCHMARKS.md.
 */
final class NoisyNeighbourRun {
  private static final String TENANT_B = "tenant-b";
  private static final String TENANT_A = "tenant-a";
  /** As in the fuzz test: this share of requests are edge cases a server may accept, sent to the lenient twin. */
  private static final int LENIENT_PERCENT = 15;
  // tenant A is already at full speed when tenant B's measured run starts: this many of its requests answered
  private static final int A_STARTED = 50;
  // tenant A keeps going this long after tenant B's last unit is due, so B's last answers still come under load
  private static final Duration A_TAIL = Duration.ofSeconds(5);

  private NoisyNeighbourRun() {
  }

  static void run(BenchOptions options) throws IOException {
    Instant started = Instant.now();
    double[] load = Machine.loadAverage();
    Path workDir = Files.createTempDirectory("scimbus-bench-");
    Path logDir = Files.createDirectories(Path.of("bench", "target", "logs").toAbsolutePath());
    int rate = options.integer("noisy-rate");
    Duration measured = Duration.ofSeconds(options.integer("noisy-seconds"));
    int hostileConnections = options.integer("hostile-connections");
    WorkloadResult quiet;
    WorkloadResult noisy;
    HostileTraffic.Result noiseMade;
    try (LoadGenerator generator = new LoadGenerator(options.integer("connections"));
        Environment env = Environment.start(generator.vertx(), workDir, options.integer("pg-pool"));
        Topology topology = Topology.start("noisy", List.of(ScimbusRuns.SERVICES), env.serviceEnv(), logDir)) {
      String where = ScimbusRuns.ONE_JVM;
      String gateway = topology.gatewayUrl();
      UsageMeter meter = env.meter(topology.pids());
      Onboarding onboarding = new Onboarding(env.adminToken);
      Target tenantB = onboarding.tenant(gateway, TENANT_B);
      HostileTargets tenantA = HostileTenant.onboard(onboarding, gateway, TENANT_A);
      long seed = options.integer("hostile-seed");
      // the warm-up sends other requests than the measured run, whose accepted creates would otherwise come back 409
      HostileRequests warmUpRequests = new HostileRequests(seed + 1, tenantA, LENIENT_PERCENT);
      HostileRequests hostile = new HostileRequests(seed, tenantA, LENIENT_PERCENT);

      // tenant A's code paths are compiled first, so the JIT settling under tenant B's warm-up is the last of it
      Duration hostileWarmUp = Duration.ofSeconds(options.integer("warmup-seconds"));
      Console.say("tenant A: hostile requests alone for " + hostileWarmUp.toSeconds() + " s (warm-up)");
      HostileTraffic.start(warmUpRequests, gateway, hostileConnections, hostileWarmUp, 0).finish();
      generator.warmUp(where, new EntraInitialSync(tenantB, "warmup", Integer.MAX_VALUE, 0, 0, 100),
          options.integer("connections"), FullRun.warmUp(options), new JitActivity(topology.pids().values()));
      env.settle();

      quiet = generator.fixedRate(where, sync(tenantB, "quiet", rate, measured), rate, measured, meter);
      Console.say("tenant A: hostile requests at full speed on " + hostileConnections + " connections");
      HostileTraffic noise = HostileTraffic.start(hostile, gateway, hostileConnections, measured.plus(A_TAIL),
          A_STARTED);
      noisy = generator.fixedRate(where, sync(tenantB, "noisy", rate, measured), rate, measured, meter);
      noiseMade = noise.finish();
    }
    Duration took = Duration.between(started, Instant.now());
    NoisyNeighbourReport.Run run = new NoisyNeighbourReport.Run(options.changed(),
        started.truncatedTo(ChronoUnit.SECONDS).toString(), took.toMinutesPart() + " min " + took.toSecondsPart()
        + " s", Machine.describe(), String.format(Locale.ROOT, "%.2f %.2f %.2f", load[0], load[1], load[2]),
        FullRun.busy(load[0]), sizes(options), quiet, noisy, noiseMade);
    BenchmarksFile.rewrite(options.report(), BenchmarksFile.NOISY_NEIGHBOUR, NoisyNeighbourReport.render(run));
    Console.say("done in " + run.duration() + "; results written to " + options.report());
  }

  /** Tenant B's users only: Entra's initial cycle paced at {@code rate} users/s, each a lookup then a create. */
  private static EntraInitialSync sync(Target tenantB, String runId, int rate, Duration time) {
    return new EntraInitialSync(tenantB, runId, (int) (rate * time.toSeconds()), 0, 0, 100);
  }

  private static String sizes(BenchOptions options) {
    return Stream.concat(BenchOptions.NOISY_KEYS.stream(),
            Stream.of("connections", "warmup-seconds", "warmup-max-seconds", "pg-pool"))
        .map(key -> key + " " + options.string(key)).collect(Collectors.joining(", "));
  }
}
