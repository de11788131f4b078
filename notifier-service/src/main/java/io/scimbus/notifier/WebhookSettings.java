package io.scimbus.notifier;

import io.scimbus.events.Durations;
import io.scimbus.events.RetrySchedule;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import java.time.Duration;

/** The webhook settings of {@link ConfigKeys}, read once at start. */
record WebhookSettings(RetrySchedule schedule, Duration disableAfter, Duration secretGrace, Duration timeout,
    int concurrency, Duration poll, String allowedNetworks, String secretKeys) {

  static WebhookSettings of(ServiceConfig config) {
    String keys = config.string(ConfigKeys.WEBHOOK_SECRET_KEYS, "");
    if (keys.isBlank()) {
      throw new IllegalStateException(ConfigKeys.WEBHOOK_SECRET_KEYS + " is required: the key that encrypts webhook"
          + " secrets, e.g. k1:$(openssl rand -base64 32)");
    }
    return new WebhookSettings(RetrySchedule.parse(config.string(ConfigKeys.WEBHOOK_RETRY_SCHEDULE)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_DISABLE_AFTER)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_SECRET_GRACE)),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_TIMEOUT)),
        config.integer(ConfigKeys.WEBHOOK_CONCURRENCY),
        Durations.parse(config.string(ConfigKeys.WEBHOOK_POLL)),
        config.string(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, ""), keys);
  }
}
