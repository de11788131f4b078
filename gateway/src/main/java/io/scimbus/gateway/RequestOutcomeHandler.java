package io.scimbus.gateway;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures every HTTP request from its first handler to the end of its response and hands the outcome to the access
 * log and the request metrics. Probes never reach this router: they have their own port.
 */
final class RequestOutcomeHandler implements Handler<RoutingContext> {
  private final List<Consumer<RequestOutcome>> observers;

  RequestOutcomeHandler(List<Consumer<RequestOutcome>> observers) {
    this.observers = List.copyOf(observers);
  }

  @Override
  public void handle(RoutingContext rc) {
    long started = System.nanoTime();
    rc.addEndHandler(ended -> {
      RequestOutcome outcome = new RequestOutcome(rc.request().method().name(), RouteTemplate.of(rc),
          rc.response().getStatusCode(), System.nanoTime() - started);
      observers.forEach(observer -> observer.accept(outcome));
    });
    rc.next();
  }

  /** {@code route} is the path template, never the concrete path. */
  record RequestOutcome(String method, String route, int status, long latencyNanos) {
    double latencyMs() {
      return latencyNanos / 1000 / 1000.0;
    }
  }
}
