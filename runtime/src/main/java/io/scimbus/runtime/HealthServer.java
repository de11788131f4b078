package io.scimbus.runtime;

import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;

/**
 * Probes and metrics on their own port, apart from client traffic: {@code /health/live} is DOWN (503) while an event
 * loop is blocked ({@link EventLoopHeartbeat}), {@code /health/ready} runs the services' readiness checks,
 * {@code /metrics} is Prometheus text.
 */
public final class HealthServer {
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";

  private HealthServer() {
  }

  /** {@code blockedThreshold}: how long an event loop may run one task before liveness fails. */
  public static Future<HttpServer> start(Vertx vertx, int port, HealthChecks readiness, Duration blockedThreshold) {
    EventLoopHeartbeat heartbeat = EventLoopHeartbeat.start(vertx, blockedThreshold);
    HealthChecks liveness = HealthChecks.create(vertx)
        .register("event-loops", promise -> promise.complete(heartbeat.status()));
    Router router = Router.router(vertx);
    router.get(LIVE).handler(HealthCheckHandler.createWithHealthChecks(liveness));
    router.get(READY).handler(HealthCheckHandler.createWithHealthChecks(readiness));
    String registry = Meters.registryName(vertx);
    router.get(METRICS).handler(registry == null ? PrometheusScrapingHandler.create()
        : PrometheusScrapingHandler.create(registry));
    // HTTP/1.1 only, as Prometheus and the kubelet speak it: a test scrape by Java's client, which offers an h2c
    // upgrade, once hung on a body of several hundred kilobytes.
    return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
        .requestHandler(router).listen(port);
  }
}
