package io.scimbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The load generator: one Vert.x event loop (one core of load, leaving the rest to the server under test) and an
 * HTTP/1.1 keep-alive pool of {@code connections}; each run is bounded in requests and time and metered.
 */
final class LoadGenerator implements AutoCloseable {
  private final Vertx vertx;
  private final Context context;
  private final HttpClient http;

  LoadGenerator(int connections) {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    context = vertx.getOrCreateContext();
    http = vertx.httpClientBuilder()
        .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setMaxInitialLineLength(64 * 1024))
        .with(new PoolOptions().setHttp1MaxSize(connections))
        .build();
  }

  Vertx vertx() {
    return vertx;
  }

  /**
   * Runs {@code workload} for {@code duration} and throws the figures away: the JIT compiles the hot paths of the
   * load generator and of the server first, so measured runs are not the interpreter's.
   */
  void warmUp(String where, Workload workload, int concurrency, Duration duration) {
    Console.say(where + ": warming up for " + duration.toSeconds() + " s");
    Recorder recorder = new Recorder();
    Budget budget = new Budget(Long.MAX_VALUE, duration);
    new ClosedLoopRunner(context, concurrency).run(workload.phases(), new ScimClient(http, recorder, budget), recorder,
        budget).await();
  }

  WorkloadResult closedLoop(String where, Workload workload, Recorder recorder, int concurrency, Limits limits,
      UsageMeter meter) {
    Console.say(where + ": " + workload.name() + " with " + concurrency + " concurrent (" + workload.describe() + ")");
    Budget budget = new Budget(limits.maxRequests(), limits.maxTime());
    ScimClient client = new ScimClient(http, recorder, budget);
    meter.start();
    long start = System.nanoTime();
    new ClosedLoopRunner(context, concurrency).run(workload.phases(), client, recorder, budget).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Usage> usage = meter.stop();
    report(where, workload.name(), recorder, seconds);
    return new WorkloadResult(where, workload.name(), workload.describe(), concurrency + " concurrent", seconds,
        recorder, usage);
  }

  WorkloadResult fixedRate(String where, String name, String op, Target target, LongFunction<String> path,
      int perSecond, Duration duration, UsageMeter meter) {
    Console.say(where + ": " + name + " at " + perSecond + " requests/s for " + duration.toSeconds() + " s");
    Recorder recorder = new Recorder();
    ScimClient client = new ScimClient(http, recorder, new Budget(Long.MAX_VALUE, duration.multipliedBy(3)));
    meter.start();
    long start = System.nanoTime();
    new FixedRateRunner(vertx, context).run(op, target, path, perSecond, duration, client).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Usage> usage = meter.stop();
    report(where, name, recorder, seconds);
    return new WorkloadResult(where, name, "open loop, latency from each request's scheduled send time",
        perSecond + " requests/s", seconds, recorder, usage);
  }

  private static void report(String where, String name, Recorder recorder, double seconds) {
    recorder.ops().forEach((op, stats) -> Console.say(String.format("  %-50s %7d in %5.1f s  p50 %7.2f ms  p99 %7.2f ms"
        + "  errors %d%s", op, stats.count(), seconds, stats.millisAt(50), stats.millisAt(99), stats.errors(),
        stats.firstError() == null ? "" : " first: " + stats.firstError())));
  }

  @Override
  public void close() {
    vertx.close().await();
  }

  /** The bounds of one run: whichever is reached first stops it. */
  record Limits(long maxRequests, Duration maxTime) {
  }
}
