package io.scimbus.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * Probes and metrics on their own port, apart from client traffic: {@code /health/live} answers while the event
 * loop does, {@code /health/ready} runs the services' readiness checks, {@code /metrics} is Prometheus text.
 */
public final class HealthServer {
  public static final String LIVE = "/health/live";
  public static final String READY = "/health/ready";
  public static final String METRICS = "/metrics";

  private HealthServer() {
  }

  public static Future<HttpServer> start(Vertx vertx, int port, HealthChecks readiness) {
    Router router = Router.router(vertx);
    router.get(LIVE).handler(HealthCheckHandler.create(vertx));
    router.get(READY).handler(HealthCheckHandler.createWithHealthChecks(readiness));
    router.get(METRICS).handler(PrometheusScrapingHandler.create());
    return vertx.createHttpServer().requestHandler(router).listen(port);
  }
}
