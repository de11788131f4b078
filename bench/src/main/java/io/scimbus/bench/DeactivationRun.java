package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.bench.workload.MdmDeactivations;
import io.scimbus.bench.workload.MdmFleet;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench/run --scenario deactivation-latency}: an MDM tenant whose portal unassigns a deactivated user's
 * devices, with {@code --deactivation-users} users holding {@code --devices-per-user} devices each; while another
 * tenant runs Entra's initial user sync in a closed loop as background load, the MDM users are deactivated as Entra
 * does at {@code --deactivation-rate} a second, and each one's time from the PATCH's answer to its devices seen
 * unassigned is measured, on scimbus in one JVM. The report replaces the deactivation section of BENCHMARKS.md.
 */
final class DeactivationRun {
  static final String MDM_TENANT = "mdm";
  static final String BACKGROUND_TENANT = "entra";
  static final JsonObject MDM_SETTINGS = new JsonObject().put("onCreate", "create-employee")
      .put("onDeactivate", "unassign-devices");
  /**
   * Deactivated at the same pace under the same background before the measured ones and thrown away: the Entra
   * sync's warm-up never runs policy-service's deactivation path, so the first deactivations would measure the JIT.
   */
  static final int WARMUP_DEACTIVATIONS = 50;
  // setting up is not measured: a few users in flight finish it in seconds without piling up policy-service's backlog
  private static final int SETUP_CONCURRENCY = 8;
  // the background sync ends when the deactivations are done; this only bounds it if the run itself hangs
  private static final Duration BACKGROUND_LIMIT = Duration.ofHours(1);

  private DeactivationRun() {
  }

  static void run(BenchOptions options) throws IOException {
    Instant started = Instant.now();
    double[] load = Machine.loadAverage();
    Path workDir = Files.createTempDirectory("scimbus-bench-");
    Path logDir = Files.createDirectories(Path.of("bench", "target", "logs").toAbsolutePath());
    int users = options.integer("deactivation-users");
    int rate = options.integer("deactivation-rate");
    int connections = options.integer("connections");
    Duration deadline = Duration.ofSeconds(options.integer("deactivation-deadline-seconds"));
    Duration pollInterval = Duration.ofMillis(options.integer("deactivation-poll-ms"));
    UnassignLatencies latencies = new UnassignLatencies(deadline);
    WorkloadResult deactivations;
    WorkloadResult background;
    try (LoadGenerator generator = new LoadGenerator(connections);
        // the background sync keeps every connection of the generator busy: a deactivation or poll queued behind its
        // requests would measure the harness, so the MDM tenant has a generator (event loop, connections) of its own
        LoadGenerator mdmGenerator = new LoadGenerator(connections);
        Environment env = Environment.start(generator.vertx(), workDir, options.integer("pg-pool"));
        Topology topology = Topology.start("deactivation", List.of(ScimbusRuns.SERVICES), env.serviceEnv(),
            logDir)) {
      String where = ScimbusRuns.ONE_JVM;
      String gateway = topology.gatewayUrl();
      Onboarding onboarding = new Onboarding(env.adminToken);
      Target entra = onboarding.tenant(gateway, BACKGROUND_TENANT);
      Target mdm = onboarding.tenant(gateway, MDM_TENANT);
      Target mdmAdmin = onboarding.admin(gateway, MDM_TENANT);
      onboarding.portal(gateway, MDM_TENANT, "mdm", MDM_SETTINGS);
      // the fleet is set up before the warm-up, as every tenant is onboarded before it (see BENCHMARKS.md, Method)
      List<String> ids = fleet(mdmGenerator, where, mdm, mdmAdmin, WARMUP_DEACTIVATIONS + users,
          options.integer("devices-per-user"), env.meter(topology.pids()));
      generator.warmUp(where, new EntraInitialSync(entra, "warmup", Integer.MAX_VALUE, 0, 0, 100), connections,
          FullRun.warmUp(options), new JitActivity(topology.pids().values()));
      env.settle();

      Budget backgroundBudget = new Budget(Long.MAX_VALUE, BACKGROUND_LIMIT);
      CompletableFuture<WorkloadResult> backgroundRun = CompletableFuture.supplyAsync(() -> generator.closedLoop(
          where, new EntraInitialSync(entra, "background", Integer.MAX_VALUE, 0, 0, 100), new Recorder(),
          connections, backgroundBudget, env.meter(topology.pids())), task -> new Thread(task, "background-sync")
          .start());
      try {
        Console.say("deactivation warm-up: " + WARMUP_DEACTIVATIONS + " users, thrown away");
        deactivate(mdmGenerator, where, mdm, mdmAdmin, ids.subList(0, WARMUP_DEACTIVATIONS), rate, pollInterval,
            new UnassignLatencies(deadline), env.meter(topology.pids()));
        deactivations = deactivate(mdmGenerator, where, mdm, mdmAdmin, ids.subList(WARMUP_DEACTIVATIONS,
            ids.size()), rate, pollInterval, latencies, env.meter(topology.pids()));
      } finally {
        backgroundBudget.spend();
      }
      background = backgroundRun.join();
    }
    double[] loadAfter = Machine.loadAverage();
    Duration took = Duration.between(started, Instant.now());
    DeactivationReport.Run run = new DeactivationReport.Run(options.changed(),
        started.truncatedTo(ChronoUnit.SECONDS).toString(), took.toMinutesPart() + " min " + took.toSecondsPart()
        + " s", Machine.describe(), Machine.loads(load), Machine.loads(loadAfter), FullRun.busy(load[0]),
        sizes(options), users, options.integer("devices-per-user"), rate, pollInterval, latencies.summary(),
        deactivations, background);
    BenchmarksFile.rewrite(options.report(), BenchmarksFile.DEACTIVATION, DeactivationReport.render(run));
    Console.say("done in " + run.duration() + "; results written to " + options.report());
  }

  /** Creates the users and their devices; the ids of the users, or an exception if any of it failed. */
  private static List<String> fleet(LoadGenerator generator, String where, Target mdm, Target mdmAdmin, int users,
      int devicesPerUser, UsageMeter meter) {
    MdmFleet fleet = new MdmFleet(mdm, mdmAdmin, "mdm", users, devicesPerUser);
    WorkloadResult setUp = generator.closedLoop(where, fleet, new Recorder(), SETUP_CONCURRENCY,
        new LoadGenerator.Limits(Long.MAX_VALUE, Duration.ofMinutes(10)), meter);
    if (setUp.recorder().errors() > 0) {
      throw new IllegalStateException("setting up the MDM fleet failed: " + setUp.recorder().errors() + " errors");
    }
    return fleet.userIds();
  }

  /**
   * The users deactivated at {@code rate} a second; requests go on until the last one's deadline passed, counted
   * from its PATCH's answer, which may itself take up to the client's request timeout.
   */
  private static WorkloadResult deactivate(LoadGenerator generator, String where, Target mdm, Target mdmAdmin,
      List<String> userIds, int rate, Duration pollInterval, UnassignLatencies latencies, UsageMeter meter) {
    Duration sending = Duration.ofSeconds((userIds.size() + rate - 1) / rate);
    Duration patience = sending.plus(Duration.ofMillis(ScimClient.REQUEST_TIMEOUT_MS)).plus(latencies.deadline())
        .plus(pollInterval.multipliedBy(2));
    return generator.fixedRate(where, new MdmDeactivations(generator.vertx(), mdm, mdmAdmin, userIds, pollInterval,
        latencies), rate, sending, patience, meter);
  }

  private static String sizes(BenchOptions options) {
    return Stream.concat(BenchOptions.DEACTIVATION_KEYS.stream(),
            Stream.of("connections", "warmup-seconds", "warmup-max-seconds", "pg-pool"))
        .map(key -> key + " " + options.string(key)).collect(Collectors.joining(", "));
  }
}
