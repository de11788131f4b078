package io.scimbus.bench;

import io.scimbus.bench.workload.SeededUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default benchmark: PostgreSQL and Kafka, a seeded large tenant, the ceilings and layers, then every workload
 * on scimbus in one JVM and in one JVM per service; the report replaces the results section of BENCHMARKS.md.
 */
final class FullRun {
  static final String STEADY_TENANT = "steady";

  /**
   * Bounds a warm-up of repeated syncs; the JIT settling (or {@code --warmup-max-seconds}) ends it long before.
   */
  static final int WARM_UP_CYCLES = 1_000;

  private FullRun() {
  }

  static LoadGenerator.Limits limits(BenchOptions options) {
    return new LoadGenerator.Limits(options.integer("max-requests"),
        Duration.ofSeconds(options.integer("max-seconds")));
  }

  static LoadGenerator.WarmUp warmUp(BenchOptions options) {
    return new LoadGenerator.WarmUp(Duration.ofSeconds(options.integer("warmup-seconds")),
        Duration.ofSeconds(options.integer("warmup-max-seconds")));
  }

  static void run(BenchOptions options) throws IOException {
    Instant started = Instant.now();
    double[] load = Machine.loadAverage();
    Path workDir = Files.createTempDirectory("scimbus-bench-");
    Path logDir = Files.createDirectories(Path.of("bench", "target", "logs").toAbsolutePath());
    SeededUsers population = new SeededUsers(STEADY_TENANT, options.integer("population"));
    List<WorkloadResult> results = new ArrayList<>();
    ScimbusRuns.Outcome oneJvm;
    try (LoadGenerator generator = new LoadGenerator(options.integer("connections"));
        Environment env = Environment.start(generator.vertx(), workDir, options.integer("pg-pool"))) {
      Console.say("seeding " + population.count() + " users into tenant " + STEADY_TENANT);
      long seedNanos = SteadySeed.seed(env.pool, population);
      Console.say(String.format(Locale.ROOT, "seeded in %.1f s", seedNanos / 1e9));
      env.settle();
      Onboarding onboarding = new Onboarding(env.adminToken);
      results.addAll(new Layers(generator, env, options, logDir, onboarding).run());
      ScimbusRuns scimbus = new ScimbusRuns(generator, env, options, logDir, onboarding, population);
      oneJvm = scimbus.run(ScimbusRuns.ONE_JVM, List.of(ScimbusRuns.SERVICES), logDir.resolve("one-jvm.jfr"));
      results.addAll(oneJvm.results());
      results.addAll(scimbus.run(ScimbusRuns.SEPARATE_JVMS,
          ScimbusRuns.SERVICES.stream().map(List::of).toList(), null).results());
    }
    Duration took = Duration.between(started, Instant.now());
    RunSummary summary = new RunSummary(options.changed(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
        took.toMinutesPart() + " min " + took.toSecondsPart() + " s", Machine.describe(),
        String.format(Locale.ROOT, "%.2f %.2f %.2f", load[0], load[1], load[2]), busy(load[0]), sizes(options),
        population.count(), results, oneJvm.profile());
    BenchmarksFile.rewrite(options.report(), BenchmarksFile.RESULTS, Report.render(summary));
    Console.say("done in " + summary.duration() + "; results written to " + options.report());
  }

  /** Other work on the machine skews every figure; the report says how loaded it was when the run began. */
  static String busy(double oneMinuteLoad) {
    int cores = Runtime.getRuntime().availableProcessors();
    return oneMinuteLoad < 0.25 * cores ? "quiet" : "busy: other work was running, figures are pessimistic";
  }

  private static String sizes(BenchOptions options) {
    StringBuilder sizes = new StringBuilder();
    BenchOptions.DEFAULTS.keySet().stream()
        .filter(k -> !List.of("scenario", "report", "base-url", "token", "workload").contains(k)
            && !BenchOptions.NOISY_KEYS.contains(k) && !BenchOptions.WEBHOOK_KEYS.contains(k)
            && !BenchOptions.DEACTIVATION_KEYS.contains(k) && !BenchOptions.PEER_KEYS.contains(k))
        .forEach(k -> sizes.append(sizes.length() == 0 ? "" : ", ").append(k).append(' ').append(options.string(k)));
    return sizes.toString();
  }
}
