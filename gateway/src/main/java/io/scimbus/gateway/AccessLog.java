package io.scimbus.gateway;

import io.scimbus.gateway.RequestOutcomeHandler.RequestOutcome;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access log line per HTTP request: method, route template (so ids and filters stay out), status and latency;
 * request id and tenant come with every line of the request. Neither the token nor the body is logged.
 */
final class AccessLog implements Consumer<RequestOutcome> {
  static final String LOGGER = "scimbus.access";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void accept(RequestOutcome outcome) {
    LOG.atInfo()
        .addKeyValue("method", outcome.method())
        .addKeyValue("route", outcome.route())
        .addKeyValue("status", outcome.status())
        .addKeyValue("latencyMs", outcome.latencyMs())
        .log("{} {} {} {}ms", outcome.method(), outcome.route(), outcome.status(), outcome.latencyMs());
  }
}
