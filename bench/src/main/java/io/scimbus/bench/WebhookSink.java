package io.scimbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The webhook receiver of the webhook workload, on loopback in the generator's JVM but on an event loop of its own,
 * so that sending writes never delays taking deliveries. It answers 204 at once and, for the deliveries of the run it
 * watches (users whose userName starts with the run's prefix), times each event's first arrival from the moment the
 * event was stamped in its write's transaction (the envelope's {@code timestamp}); both clocks are this machine's.
 */
final class WebhookSink implements AutoCloseable {
  private static final long HIGHEST_MICROS = 300_000_000L;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpServer server;
  private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);
  private final Set<String> seen = new HashSet<>();
  private String prefix = "\0";
  private long requests;
  private long repeats;
  private long lastArrivalNanos;

  private WebhookSink() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(this::receive).listen().await();
  }

  static WebhookSink start() {
    return new WebhookSink();
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/bench";
  }

  /** From now on, times the deliveries of users whose userName starts with {@code userNamePrefix}. */
  synchronized void watch(String userNamePrefix) {
    prefix = userNamePrefix;
    latency.reset();
    seen.clear();
    requests = 0;
    repeats = 0;
  }

  private void receive(HttpServerRequest request) {
    String webhookId = request.getHeader("webhook-id");
    request.body().onSuccess(body -> {
      long arrivedNanos = System.nanoTime();
      Instant arrived = Instant.now();
      request.response().setStatusCode(204).end();
      JsonObject envelope = new JsonObject(body);
      String userName = envelope.getJsonObject("data", new JsonObject()).getString("userName", "");
      synchronized (this) {
        if (!userName.startsWith(prefix)) {
          return;
        }
        requests++;
        if (!seen.add(webhookId)) {
          repeats++;
          return;
        }
        Duration took = Duration.between(Instant.parse(envelope.getString("timestamp")), arrived);
        latency.recordValue(Math.min(Math.max(TimeUnit.NANOSECONDS.toMicros(took.toNanos()), 0), HIGHEST_MICROS));
        lastArrivalNanos = arrivedNanos;
        notifyAll();
      }
    });
  }

  /**
   * What arrived once {@code expected} distinct events did or {@code patience} passed; {@code sinceNanos} (the
   * measured writes' start) is where the delivery rate is counted from.
   */
  synchronized Result await(long expected, Duration patience, long sinceNanos) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (seen.size() < expected && System.nanoTime() < deadline) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for webhooks", e);
      }
    }
    double seconds = seen.isEmpty() ? 0 : (lastArrivalNanos - sinceNanos) / 1e9;
    return new Result(expected, seen.size(), requests, repeats, seconds, latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0, latency.getValueAtPercentile(99.9) / 1000.0,
        latency.getMaxValue() / 1000.0);
  }

  /**
   * The deliveries of one run: {@code expected} events (acknowledged writes), {@code delivered} of them arrived,
   * in {@code requests} requests ({@code repeats} of them a webhook-id already seen); the rate is distinct events
   * over {@code seconds}, from the first write to the last first arrival; latencies in milliseconds.
   */
  record Result(long expected, long delivered, long requests, long repeats, double seconds, double p50, double p99,
      double p999, double max) {
    double perSecond() {
      return seconds <= 0 ? 0 : delivered / seconds;
    }

    long missing() {
      return expected - delivered;
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
