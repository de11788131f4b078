package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.devstack.FreePorts;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceilings and the layers below a full create, each driven with the same user-sync workload: SQL alone (no HTTP,
 * no bus), a bare HTTP server, and the real gateway in front of an echo users-service, in one JVM and over the
 * cluster. Each runs once at full concurrency (capacity) and once serially (per-request latency for subtraction).
 */
final class Layers {
  static final String SQL = "SQL only (pg-client)";
  static final String BARE = "bare Vert.x HTTP";
  static final String ECHO_ONE = "gateway + echo service, 1 JVM";
  static final String ECHO_TWO = "gateway + echo service, 2 JVMs";

  private final LoadGenerator generator;
  private final Environment env;
  private final BenchOptions options;
  private final Path logDir;
  private final Onboarding onboarding;

  Layers(LoadGenerator generator, Environment env, BenchOptions options, Path logDir, Onboarding onboarding) {
    this.generator = generator;
    this.env = env;
    this.options = options;
    this.logDir = logDir;
    this.onboarding = onboarding;
  }

  /** Every layer's results: serial first, then concurrent, per layer. */
  List<WorkloadResult> run() {
    List<WorkloadResult> results = new ArrayList<>();
    results.addAll(sql());
    results.addAll(bareHttp());
    // policy-service comes along because the gateway checks token status with it (cached) and onboards through it
    results.addAll(echo(ECHO_ONE, "echo1", List.of(List.of("policy", "echo-users", "gateway"))));
    results.addAll(echo(ECHO_TWO, "echo2", List.of(List.of("policy", "echo-users"), List.of("gateway"))));
    return results;
  }

  private List<WorkloadResult> sql() {
    Pool pool = env.ceilingDatabase(generator.vertx(), "bench_ceiling");
    try {
      UsageMeter meter = env.meter(Map.of());
      Recorder serial = new Recorder();
      Recorder loaded = new Recorder();
      // the SQL client runs in this JVM, so this JVM's compiler is the one that has to settle
      generator.warmUp(SQL, new SqlCeiling(pool, new Recorder(), "warmup", Integer.MAX_VALUE),
          options.integer("connections"), FullRun.warmUp(options), JitActivity.of(ProcessHandle.current().pid()));
      return List.of(
          generator.closedLoop(SQL, new SqlCeiling(pool, serial, "serial", options.integer("serial-users")), serial,
              1, FullRun.limits(options), meter),
          generator.closedLoop(SQL, new SqlCeiling(pool, loaded, "loaded", options.integer("users")), loaded,
              options.integer("connections"), FullRun.limits(options), meter));
    } finally {
      pool.close().await();
    }
  }

  private List<WorkloadResult> bareHttp() {
    int port = FreePorts.next();
    try (ChildJvm server = ChildJvm.start("bare-http", BareHttpServer.class.getName(),
        List.of(Integer.toString(port)), Map.of(), logDir)) {
      server.awaitHttp("http://127.0.0.1:" + port + "/ready", Duration.ofSeconds(60));
      Target target = new Target("http://127.0.0.1:" + port + "/scim/v2/bare", "none");
      return userSyncs(BARE, target, target, Map.of("bare-http", server.pid()));
    }
  }

  private List<WorkloadResult> echo(String where, String id, List<List<String>> jvms) {
    try (Topology topology = Topology.start(id, jvms, env.serviceEnv(), logDir)) {
      return userSyncs(where, onboarding.tenant(topology.gatewayUrl(), id + "-serial"),
          onboarding.tenant(topology.gatewayUrl(), id + "-loaded"), topology.pids());
    }
  }

  private List<WorkloadResult> userSyncs(String where, Target serial, Target loaded, Map<String, Long> pids) {
    UsageMeter meter = env.meter(pids);
    generator.warmUp(where, new EntraInitialSync(loaded, "warmup", Integer.MAX_VALUE, 0, 0, 100),
        options.integer("connections"), FullRun.warmUp(options), new JitActivity(pids.values()));
    return List.of(
        generator.closedLoop(where, new EntraInitialSync(serial, "serial", options.integer("serial-users"), 0, 0, 100),
            new Recorder(), 1, FullRun.limits(options), meter),
        generator.closedLoop(where, new EntraInitialSync(loaded, "loaded", options.integer("users"), 0, 0, 100),
            new Recorder(), options.integer("connections"), FullRun.limits(options), meter));
  }
}
