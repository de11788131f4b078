package io.scimbus.notifier;

import io.scimbus.events.Durations;
import io.scimbus.events.RetrySchedule;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import java.time.Duration;

/** The webhook settings of {@link ConfigKeys}, read once at start. */
record WebhookSettings(RetrySchedule schedule, Duration disableAfter, Duration secretGrace, Duration timeout,
    int concurrency, int endpointConcurrency, Duration poll, String allowedNetworks, String secretKeys) {

  static WebhookSettings of(ServiceConfig config) {
    String keys = config.string(ConfigKeys.WEBHOOK_SECRET_KEYS, "");
    if (keys.isBlank()) {
      throw new IllegalStateException(ConfigKeys.WEBHOOK_SECRET_KEYS + " is required: the key that encrypts webhook"
          + " secrets, e.g. k1:$(openssl rand -base64 32)");
    }
    int concurrency = config.integer(ConfigKeys.WEBHOOK_CONCURRENCY);
    int endpointConcurrency = config.integer(ConfigKeys.WEBHOOK_ENDPOINT_CONCURRENCY);
    if (endpointConcurrency < 1 || endpointConcurrency >= concurrency) {
      // an endpoint allowed every worker could hold them all while it is slow
      throw new IllegalStateException(ConfigKeys.WEBHOOK_ENDPOINT_CONCURRENCY + " must be at least 1 and below "
          + ConfigKeys.WEBHOOK_CONCURRENCY + " (" + concurrency + "), is " + endpointConcurrency);
    }
    return new WebhookSettings(RetrySchedule.parse(config.string(ConfigKeys.WEBHOOK_RETRY_SCHEDULE)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_DISABLE_AFTER)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_SECRET_GRACE)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_TIMEOUT)),
        concurrency, endpointConcurrency,
        Durations.parse(config.string(ConfigKeys.WEBHOOK_POLL)),
        config.string(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, ""), keys);
  }
}
