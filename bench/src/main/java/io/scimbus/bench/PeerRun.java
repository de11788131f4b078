package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.bench.workload.RepeatedSync;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.ServiceRunner;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code bench/run --peer keycloak}: scimbus (one JVM, as the benchmark runs it) and Keycloak's native SCIM, each on
 * a PostgreSQL of its own with fsync off, driven by the same load generator with the same workloads, interleaved
 * A/B/A/B so that both see the same machine: the Entra initial sync twice each, then the {@code userName eq} lookup
 * ladder twice each. The table goes to the peer section of BENCHMARKS.md.
 */
final class PeerRun {
  /** The ladder's rates; each is held for {@code --peer-step-seconds}, up to {@code --rate}. */
  static final int[] LOOKUP_RATES = {10, 25, 50, 100, 200, 400, 800, 1600, 3200};
  private static final int ROUNDS = 2;

  private PeerRun() {
  }

  /**
   * One server under test: its SCIM target, a meter of its processes (plus the load generator) and its JVMs'
   * compiler threads.
   */
  private record Side(String name, Target target, UsageMeter meter, JitActivity jit) {
  }

  static void run(BenchOptions options) throws IOException {
    Instant started = Instant.now();
    double[] load = Machine.loadAverage();
    Path workDir = Files.createTempDirectory("scimbus-bench-");
    Path logDir = Files.createDirectories(Path.of("bench", "target", "logs").toAbsolutePath());
    int connections = options.integer("connections");
    int users = options.integer("peer-users");
    LoadGenerator.Limits limits = new LoadGenerator.Limits(options.integer("max-requests"),
        Duration.ofSeconds(options.integer("peer-max-seconds")));
    Duration warmUp = Duration.ofSeconds(options.integer("warmup-seconds"));
    Duration step = Duration.ofSeconds(options.integer("peer-step-seconds"));
    List<Side> sides = new ArrayList<>();
    List<PeerReport.Runs> runs = new ArrayList<>();
    try (LoadGenerator generator = new LoadGenerator(connections);
        Environment env = Environment.start(generator.vertx(), workDir, options.integer("pg-pool"));
        Topology topology = Topology.start("peer", List.of(ScimbusRuns.SERVICES), env.serviceEnv(), logDir);
        KeycloakServer keycloak = KeycloakServer.start(logDir,
            HexFormat.of().formatHex(new SecureRandom().generateSeed(16)))) {
      sides.add(new Side(PeerReport.SCIMBUS, new Onboarding(env.adminToken).tenant(topology.gatewayUrl(), "peer"),
          env.meter(topology.pids()), new JitActivity(topology.pids().values())));
      sides.add(new Side(PeerReport.KEYCLOAK, KeycloakRealm.create(keycloak, "bench"),
          new UsageMeter(Map.of(PeerReport.KEYCLOAK, keycloak.jvmPid(), "load generator",
              ProcessHandle.current().pid()), Map.of("postgresql", postmasterPid(generator, keycloak.postgresUri()))),
          JitActivity.of(keycloak.jvmPid())));
      for (Side side : sides) {
        generator.warmUp(side.name(), new RepeatedSync(side.target(), "warmup", FullRun.WARM_UP_CYCLES, users,
            options.integer("groups"), options.integer("members"), options.integer("batch")), connections,
            FullRun.warmUp(options), side.jit());
        runs.add(new PeerReport.Runs(side.name(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
      }
      for (int round = 1; round <= ROUNDS; round++) {
        for (int s = 0; s < sides.size(); s++) {
          Side side = sides.get(s);
          double compiled = side.jit().compilerSeconds();
          runs.get(s).syncs().add(generator.closedLoop(side.name(), new EntraInitialSync(side.target(),
              "sync" + round, users, options.integer("groups"), options.integer("members"),
              options.integer("batch")), new Recorder(), connections, limits, side.meter()));
          runs.get(s).compilerSeconds().add(side.jit().compilerSeconds() - compiled);
        }
      }
      // the lookups find the users of the first sync; a large prime stride spreads them over all of them
      LongFunction<String> lookups = n -> ScimClient.filtered("/Users",
          "userName eq \"sync1-" + Math.floorMod(n * 7919L, users) + "@entra.example\"");
      for (Side side : sides) {
        generator.fixedRate(side.name(), "lookup-warmup", PeerReport.LOOKUP_OP, side.target(), lookups,
            LOOKUP_RATES[2], warmUp, side.meter());
      }
      for (int round = 1; round <= ROUNDS; round++) {
        for (int s = 0; s < sides.size(); s++) {
          runs.get(s).ladders().add(ladder(generator, sides.get(s), lookups, step, options.integer("rate")));
        }
      }
    }
    double[] loadAfter = Machine.loadAverage();
    Duration took = Duration.between(started, Instant.now());
    PeerReport.Run run = new PeerReport.Run(options.changed(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
        took.toMinutesPart() + " min " + took.toSecondsPart() + " s", Machine.describe(), Machine.loads(load),
        Machine.loads(loadAfter), FullRun.busy(load[0]), users + " users (lookup then create), then "
        + options.integer("groups") + " groups of " + options.integer("members") + " members, " + connections
        + " connections", runs);
    BenchmarksFile.rewrite(options.report(), BenchmarksFile.PEER, PeerReport.render(run));
    Console.say("done in " + run.duration() + "; results written to " + options.report());
  }

  /** Lookups at each rate of {@link #LOOKUP_RATES} up to {@code maxRate}, until one misses the p99 goal. */
  private static List<PeerReport.Step> ladder(LoadGenerator generator, Side side, LongFunction<String> lookups,
      Duration step, int maxRate) {
    List<PeerReport.Step> steps = new ArrayList<>();
    for (int rate : LOOKUP_RATES) {
      if (rate > maxRate) {
        break;
      }
      PeerReport.Step done = new PeerReport.Step(rate, generator.fixedRate(side.name(), "lookup-fixed-rate",
          PeerReport.LOOKUP_OP,
          side.target(), lookups, rate, step, side.meter()));
      steps.add(done);
      if (!done.passed()) {
        break;
      }
    }
    return steps;
  }

  private static long postmasterPid(LoadGenerator generator, String pgUri) {
    Pool pool = PgPools.create(generator.vertx(), ServiceRunner.config(new JsonObject()
        .put(ConfigKeys.PG_URI, pgUri).put(ConfigKeys.PG_POOL_SIZE, 1)));
    try {
      return Environment.postmasterPid(pool);
    } finally {
      pool.close();
    }
  }
}
