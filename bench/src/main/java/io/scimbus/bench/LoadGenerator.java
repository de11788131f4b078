package io.scimbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The load generator: one Vert.x event loop (one core of load, leaving the rest to the server under test) and an
 * HTTP/1.1 keep-alive pool of {@code connections}; each run is bounded in requests and time and metered.
 */
final class LoadGenerator implements AutoCloseable {
  private static final int WARM_ROUND_SECONDS = 5;
  private static final double SETTLED_CORES = 0.1;
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
   * Runs {@code workload} and throws the figures away, so measured runs see compiled code on both sides: in rounds
   * of {@value #WARM_ROUND_SECONDS} s, for at least {@code warmUp.min()}, until the JIT compiler threads of the
   * server's JVMs used less than {@value #SETTLED_CORES} of a core in the last round, or {@code warmUp.max()} passed.
   */
  void warmUp(String where, Workload workload, int concurrency, WarmUp warmUp, JitActivity jit) {
    Console.say(where + ": warming up until the JIT settles (" + warmUp.min().toSeconds() + " to "
        + warmUp.max().toSeconds() + " s)");
    long start = System.nanoTime();
    Budget budget = new Budget(Long.MAX_VALUE, warmUp.max());
    Recorder recorder = new Recorder();
    Future<Void> running = new ClosedLoopRunner(context, concurrency).run(workload.phases(),
        new ScimClient(http, recorder, budget), recorder, budget);
    double compiled = jit.compilerSeconds();
    while (!running.isComplete()) {
      sleep(WARM_ROUND_SECONDS * 1000L);
      double now = jit.compilerSeconds();
      double cores = (now - compiled) / WARM_ROUND_SECONDS;
      compiled = now;
      long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      if (elapsed >= warmUp.min().toSeconds() && cores < SETTLED_CORES) {
        budget.spend();
        break;
      }
    }
    running.await();
    Console.say(where + ": warmed up in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s");
  }

  /** Runs {@code workload} for {@code duration} and throws the figures away; nothing when it is zero. */
  void warmUp(String where, Workload workload, int concurrency, Duration duration) {
    if (duration.isZero()) {
      return;
    }
    Console.say(where + ": warming up for " + duration.toSeconds() + " s");
    Budget budget = new Budget(Long.MAX_VALUE, duration);
    Recorder recorder = new Recorder();
    new ClosedLoopRunner(context, concurrency).run(workload.phases(), new ScimClient(http, recorder, budget), recorder,
        budget).await();
  }

  WorkloadResult closedLoop(String where, Workload workload, Recorder recorder, int concurrency, Limits limits,
      UsageMeter meter) {
    return closedLoop(where, workload, recorder, concurrency, new Budget(limits.maxRequests(), limits.maxTime()),
        meter);
  }

  /**
   * Runs {@code workload} in a closed loop until its last unit answered or {@code budget} is spent; another thread
   * may spend it to end a background load when what it was the background of is done.
   */
  WorkloadResult closedLoop(String where, Workload workload, Recorder recorder, int concurrency, Budget budget,
      UsageMeter meter) {
    Console.say(where + ": " + workload.name() + " with " + concurrency + " concurrent (" + workload.describe() + ")");
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

  /**
   * Runs {@code workload}'s phases one after another, each in an open loop of {@code perSecond} units for
   * {@code duration}: what an IdP that paces itself sends, charged for every unit a slow server delayed.
   */
  WorkloadResult fixedRate(String where, Workload workload, int perSecond, Duration duration, UsageMeter meter) {
    return fixedRate(where, workload, perSecond, duration, duration.multipliedBy(3), meter);
  }

  /**
   * As above, with requests sent until {@code patience} after the start instead of three times {@code duration}:
   * for units that keep sending long after they are due (a deactivation polling until its deadline).
   */
  WorkloadResult fixedRate(String where, Workload workload, int perSecond, Duration duration, Duration patience,
      UsageMeter meter) {
    Console.say(where + ": " + workload.name() + " at " + perSecond + " units/s for " + duration.toSeconds() + " s ("
        + workload.describe() + ")");
    Recorder recorder = new Recorder();
    ScimClient client = new ScimClient(http, recorder, new Budget(Long.MAX_VALUE, patience));
    FixedRateRunner runner = new FixedRateRunner(vertx, context);
    meter.start();
    long start = System.nanoTime();
    for (Phase phase : workload.phases()) {
      long phaseStart = System.nanoTime();
      runner.run(phase, perSecond, duration, client, recorder.op(Phase.UNIT_PREFIX + phase.name())).await();
      recorder.phaseTook(phase.name(), (System.nanoTime() - phaseStart) / 1e9);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Usage> usage = meter.stop();
    report(where, workload.name(), recorder, seconds);
    return new WorkloadResult(where, workload.name(), workload.describe()
        + "; open loop, latency from each unit's scheduled start", perSecond + " units/s", seconds, recorder, usage);
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

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while warming up", e);
    }
  }

  /** The shortest and the longest warm-up. */
  record WarmUp(Duration min, Duration max) {
  }

  /** The bounds of one run: whichever is reached first stops it. */
  record Limits(long maxRequests, Duration maxTime) {
  }
}
