package io.scimbus.bench;

import io.scimbus.bench.workload.EntraInitialSync;
import io.scimbus.runtime.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run --scenario webhooks}: one tenant with one webhook endpoint on loopback, and that tenant's Entra
 * user sync paced at {@code --webhook-rate} users/s for {@code --webhook-seconds}, on scimbus in one JVM. Each
 * create is one user.created event; the report (the webhooks section of BENCHMARKS.md) says how long each took from
 * its write's transaction to the receiver, and how many deliveries per second arrived.
 */
final class WebhookRun {
  private static final String TENANT = "webhooks";
  private static final String MEASURED = "hooks";
  // after the last write, how long its deliveries may take before the run reports the rest as missing
  private static final Duration DRAIN = Duration.ofSeconds(120);

  private WebhookRun() {
  }

  static void run(BenchOptions options) throws IOException {
    Instant started = Instant.now();
    double[] load = Machine.loadAverage();
    Path workDir = Files.createTempDirectory("scimbus-bench-");
    Path logDir = Files.createDirectories(Path.of("bench", "target", "logs").toAbsolutePath());
    int rate = options.integer("webhook-rate");
    Duration measured = Duration.ofSeconds(options.integer("webhook-seconds"));
    WorkloadResult writes;
    WebhookSink.Result deliveries;
    try (LoadGenerator generator = new LoadGenerator(options.integer("connections"));
        Environment env = Environment.start(generator.vertx(), workDir, options.integer("pg-pool"));
        WebhookSink sink = WebhookSink.start();
        Topology topology = Topology.start("webhooks", List.of(ScimbusRuns.SERVICES), loopbackWebhooks(env),
            logDir)) {
      String where = ScimbusRuns.ONE_JVM;
      String gateway = topology.gatewayUrl();
      Onboarding onboarding = new Onboarding(env.adminToken);
      Target tenant = onboarding.tenant(gateway, TENANT);
      onboarding.webhook(gateway, TENANT, sink.url());
      // the warm-up's writes are delivered too, so the delivery path is compiled before it is measured
      generator.warmUp(where, new EntraInitialSync(tenant, "warmup", Integer.MAX_VALUE, 0, 0, 100),
          options.integer("connections"), FullRun.warmUp(options), new JitActivity(topology.pids().values()));
      env.settle();
      sink.watch(MEASURED + "-");
      long writesFrom = System.nanoTime();
      writes = generator.fixedRate(where, new EntraInitialSync(tenant, MEASURED,
          (int) (rate * measured.toSeconds()), 0, 0, 100), rate, measured, env.meter(topology.pids()));
      OpStats creates = writes.op(WebhookReport.CREATE);
      long acknowledged = creates == null ? 0 : creates.count() - creates.errors();
      Console.say("waiting for the webhooks of " + acknowledged + " acknowledged creates");
      deliveries = sink.await(acknowledged, DRAIN, writesFrom);
    }
    double[] loadAfter = Machine.loadAverage();
    Duration took = Duration.between(started, Instant.now());
    WebhookReport.Run run = new WebhookReport.Run(options.changed(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
        took.toMinutesPart() + " min " + took.toSecondsPart() + " s", Machine.describe(), Machine.loads(load),
        Machine.loads(loadAfter), FullRun.busy(load[0]), rate, writes, deliveries);
    BenchmarksFile.rewrite(options.report(), BenchmarksFile.WEBHOOKS, WebhookReport.render(run));
    Console.say("done in " + run.duration() + "; results written to " + options.report());
  }

  /** The benchmark's receiver listens on loopback, which notifier-service refuses by default (no SSRF). */
  private static Map<String, String> loopbackWebhooks(Environment env) {
    Map<String, String> serviceEnv = env.serviceEnv();
    serviceEnv.put(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, "127.0.0.0/8");
    return serviceEnv;
  }
}
