package io.scimbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
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
    long total = perSecond * duration.toSeconds();
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
          client.send(op, target, HttpMethod.GET, path.apply(sent[0]), null, intended).onComplete(ar -> {
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
}
