package io.scimbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Open loop at a fixed rate: request {@code i} is due at {@code start + i / rate} whether or not earlier ones
 * answered, and its latency counts from that due time (coordinated-omission aware, as wrk2 does). Requests beyond
 * the connection pool wait in the client's queue, and that wait is part of the latency.
 */
public final class FixedRateRunner {
  private static final long TICK_MS = 1;

  private final Vertx vertx;
  private final Context context;

  public FixedRateRunner(Vertx vertx, Context context) {
    this.vertx = vertx;
    this.context = context;
  }

  /** Sends {@code perSecond} GETs of {@code path.apply(n)}, n = 0, 1, ..., for {@code duration}, as {@code op}. */
  public Future<Void> run(String op, Target target, LongFunction<String> path, int perSecond, Duration duration,
      ScimClient client) {
    return schedule(perSecond * duration.toSeconds(), perSecond,
        (n, intended) -> client.send(op, target, HttpMethod.GET, path.apply(n), null, intended));
  }

  /**
   * Starts {@code perSecond} units of {@code phase} (at most its units) for {@code duration}; each unit's latency,
   * from its due time, goes to {@code units}. The requests inside a unit are timed from when they were sent.
   */
  public Future<Void> run(Phase phase, int perSecond, Duration duration, ScimClient client, OpStats units) {
    return schedule(Math.min(phase.units(), perSecond * duration.toSeconds()), perSecond, (n, intended) -> {
      Future<?> outcome;
      try {
        outcome = phase.unit().run(n, client);
      } catch (RuntimeException e) {
        outcome = Future.failedFuture(e);
      }
      // a unit that failed (a harness bug, a malformed answer, the run's time spent) is an error, never dropped
      return outcome.onComplete(ar -> units.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intended),
          ar.succeeded() ? 200 : 599, ar.succeeded() ? null : ar.cause().toString()));
    });
  }

  private Future<Void> schedule(long total, int perSecond, Sender sender) {
    if (total == 0) {
      return Future.succeededFuture();
    }
    double intervalNanos = 1e9 / perSecond;
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      long start = System.nanoTime();
      long[] sent = {0};
      long[] answered = {0};
      vertx.setPeriodic(TICK_MS, timer -> {
        long now = System.nanoTime();
        while (sent[0] < total && start + (long) (sent[0] * intervalNanos) <= now) {
          long intended = start + (long) (sent[0] * intervalNanos);
          sender.send(sent[0], intended).onComplete(ar -> {
            if (++answered[0] == total) {
              done.tryComplete();
            }
          });
          sent[0]++;
        }
        if (sent[0] == total) {
          vertx.cancelTimer(timer);
        }
      });
    });
    return done.future();
  }

  /** Sends request or unit {@code n}, due at {@code intendedNanos}. */
  @FunctionalInterface
  private interface Sender {
    Future<?> send(long n, long intendedNanos);
  }
}
