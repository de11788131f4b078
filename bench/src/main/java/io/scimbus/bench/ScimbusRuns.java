package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.bench.workload.LargeGroup;
import io.scimbus.bench.workload.MultiTenant;
import io.scimbus.bench.workload.RepeatedSync;
import io.scimbus.bench.workload.SeededUsers;
import io.scimbus.bench.workload.SteadyState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

/** Every scimbus workload against one topology, with a JFR profile of the entra sync when asked for. */
final class ScimbusRuns {
  static final String ONE_JVM = "scimbus, 1 JVM";
  static final String SEPARATE_JVMS = "scimbus, 1 JVM per service";
  static final List<String> SERVICES = List.of("users", "groups", "policy", "notifier", "gateway");
  private static final String LOOKUP = "GET /Users?filter=userName eq (seeded tenant)";
  // the warm-up's lookups start half the population away, so the measured ones are not a replay of them
  private static final long LOOKUP_WARMUP_OFFSET = 500_000;

  private final LoadGenerator generator;
  private final Environment env;
  private final BenchOptions options;
  private final Path logDir;
  private final Onboarding onboarding;
  private final SeededUsers population;

  ScimbusRuns(LoadGenerator generator, Environment env, BenchOptions options, Path logDir, Onboarding onboarding,
      SeededUsers population) {
    this.generator = generator;
    this.env = env;
    this.options = options;
    this.logDir = logDir;
    this.onboarding = onboarding;
    this.population = population;
  }

  /** Workload results of one topology, and the JFR summary of its entra sync when one was recorded. */
  record Outcome(List<WorkloadResult> results, JfrProfile.Summary profile) {
  }

  /**
   * Runs every workload; with {@code profileFile} set, records the first JVM with JFR and summarises the entra sync.
   * Every tenant is onboarded before the first warm-up: onboarding runs admin code through the same router, bus and
   * JSON paths, and doing it between warm-up and measurement would make the JIT recompile what it had just settled.
   */
  Outcome run(String where, List<List<String>> jvms, Path profileFile) {
    String id = jvms.size() == 1 ? "one" : "sep";
    List<WorkloadResult> results = new ArrayList<>();
    JfrProfile.Summary profile = null;
    env.settle();
    try (Topology topology = Topology.start(id, jvms, env.serviceEnv(), logDir)) {
      UsageMeter meter = env.meter(topology.pids());
      JitActivity jit = new JitActivity(topology.pids().values());
      String gateway = topology.gatewayUrl();
      int connections = options.integer("connections");
      LoadGenerator.Limits limits = FullRun.limits(options);
      Target warm = onboarding.tenant(gateway, id + "-warmup");
      Target serial = onboarding.tenant(gateway, id + "-serial");
      Target entra = onboarding.tenant(gateway, id + "-entra");
      List<Target> tenants = IntStream.range(0, options.integer("tenants"))
          .mapToObj(t -> onboarding.tenant(gateway, id + "-tenant-" + t)).toList();
      Target steady = onboarding.tenant(gateway, population.tenant());

      JfrProfile jfr = profileFile == null ? null
          : JfrProfile.start(topology.pids().values().iterator().next(), profileFile);
      generator.warmUp(where, new RepeatedSync(warm, "warmup", FullRun.WARM_UP_CYCLES, options.integer("users"),
          options.integer("groups"), options.integer("members"), options.integer("batch")), connections,
          FullRun.warmUp(options), jit);
      results.add(generator.closedLoop(where, new EntraInitialSync(serial, "serial", options.integer("serial-users"),
          0, 0, 100), new Recorder(), 1, limits, meter));

      Instant entraFrom = Instant.now();
      results.add(generator.closedLoop(where, new EntraInitialSync(entra, "entra", options.integer("users"),
          options.integer("groups"), options.integer("members"), options.integer("batch")), new Recorder(),
          connections, limits, meter));
      if (jfr != null) {
        profile = jfr.stop(entraFrom, Instant.now());
      }
      results.add(generator.closedLoop(where, new MultiTenant(tenants, "mt", options.integer("users-per-tenant")),
          new Recorder(), connections, limits, meter));

      // the lookups find users, unlike a sync's: the page query and the representation get their own warm-up, of
      // lookups alone at the same rate (a warm-up of writes would leave vacuum and relay work running into them)
      LongFunction<String> lookups =
          // a large prime stride spreads consecutive requests over the whole population, not a hot range
          n -> population.userNameLookup(Math.floorMod(n * 7919L + id.hashCode(), population.count()));
      Duration rateSeconds = Duration.ofSeconds(options.integer("rate-seconds"));
      generator.fixedRate(where, "lookup-warmup", LOOKUP, steady, n -> lookups.apply(n + LOOKUP_WARMUP_OFFSET),
          options.integer("rate"), rateSeconds, meter);
      results.add(generator.fixedRate(where, "lookup-fixed-rate", LOOKUP, steady, lookups, options.integer("rate"),
          rateSeconds, meter));
      generator.warmUp(where, new SteadyState(steady, population), connections, FullRun.warmUp(options), jit);
      results.add(generator.closedLoop(where, new SteadyState(steady, population), new Recorder(), connections,
          new LoadGenerator.Limits(limits.maxRequests(), Duration.ofSeconds(options.integer("steady-seconds"))),
          meter));
      results.add(generator.closedLoop(where, new LargeGroup(steady, population, id, options.integer("large-groups"),
          options.integer("large-members"), options.integer("large-reads")), new Recorder(), connections, limits,
          meter));
    }
    return new Outcome(results, profile);
  }
}
