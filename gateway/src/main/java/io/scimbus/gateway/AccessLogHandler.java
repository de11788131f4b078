package io.scimbus.gateway;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access log line per HTTP request when its response ends: method, route template (never the concrete path, so
 * ids and filters stay out), status and latency; request id and tenant come with every line of the request. Neither
 * the token nor the body is logged. Probes never reach this router: they have their own port.
 */
final class AccessLogHandler implements Handler<RoutingContext> {
  static final String LOGGER = "scimbus.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void handle(RoutingContext rc) {
    long started = System.nanoTime();
    rc.addEndHandler(ended -> {
      String method = rc.request().method().name();
      String route = RouteTemplate.of(rc);
      int status = rc.response().getStatusCode();
      double latencyMs = (System.nanoTime() - started) / 1000 / 1000.0;
      LOG.atInfo()
          .addKeyValue("method", method)
          .addKeyValue("route", route)
          .addKeyValue("status", status)
          .addKeyValue("latencyMs", latencyMs)
          .log("{} {} {} {}ms", method, route, status, latencyMs);
    });
    rc.next();
  }
}
