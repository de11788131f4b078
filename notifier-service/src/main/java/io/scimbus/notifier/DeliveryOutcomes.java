package io.scimbus.notifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimbus.runtime.metrics.Meters;
import java.util.concurrent.TimeUnit;

/**
 * {@code scimbus_webhook_attempts_seconds{outcome}}: a latency histogram of webhook delivery attempts. The outcome
 * is the status class ({@code 2xx}, {@code 3xx}, {@code 4xx}, {@code 5xx}) when the receiver answered, else the
 * error class of {@link AttemptResult} (timeout, connection-refused, tls, dns, blocked-address, connection): a set
 * fixed by the code. Endpoint and tenant are not labels here; the delivery log answers per-endpoint questions.
 */
final class DeliveryOutcomes {
  static final String ATTEMPTS = "scimbus.webhook.attempts";
  private static final String SUCCESS = "2xx";

  private final MeterRegistry registry = Meters.registry();

  DeliveryOutcomes() {
    // the success series exists from start-up, so that a failure ratio has a denominator before the first success
    timer(SUCCESS);
  }

  void record(AttemptResult result) {
    timer(outcome(result)).record(result.latencyMs(), TimeUnit.MILLISECONDS);
  }

  private Timer timer(String outcome) {
    return Timer.builder(ATTEMPTS).description("webhook delivery attempts, by outcome")
        .tag("outcome", outcome)
        .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
        .register(registry);
  }

  static String outcome(AttemptResult result) {
    return result.status() != null ? result.status() / 100 + "xx" : result.error();
  }
}
