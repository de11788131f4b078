package io.scimbus.notifier;

import io.scimbus.events.WorkQueue;
import io.scimbus.events.WorkQueue.Outcome;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.UUID;

/**
 * Works one queued delivery: sends it, logs the attempt, and decides what comes next. Only 2xx is success.
 * {@code 410 Gone} disables the endpoint at once; otherwise the next attempt follows the retry schedule, or the
 * receiver's {@code Retry-After} on 429/503 (capped at the schedule's longest wait). When the schedule is used up the
 * delivery becomes a dead letter; an endpoint that has been failing for the whole disable period is disabled and
 * its undelivered events all become dead letters.
 */
final class DeliveryWorker implements WorkQueue.Worker {
  private final Pool pool;
  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final AttemptLog attempts;
  private final SignedSender sender;
  private final WebhookSettings settings;
  private final DeliveryOutcomes outcomes = new DeliveryOutcomes();

  DeliveryWorker(Pool pool, EndpointRepository endpoints, DeliveryRepository deliveries, AttemptLog attempts,
      SignedSender sender, WebhookSettings settings) {
    this.pool = pool;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.sender = sender;
    this.settings = settings;
  }

  @Override
  public Future<Outcome> process(WorkQueue.Item item) {
    UUID endpointId = item.row().getUUID("endpoint_id");
    UUID eventId = item.row().getUUID("event_id");
    return endpoints.byId(pool, endpointId).compose(endpoint -> {
      if (endpoint == null || !endpoint.enabled()) {
        return Future.succeededFuture(new Outcome.Dead("endpoint disabled"
            + (endpoint == null || endpoint.disabledReason() == null ? "" : ": " + endpoint.disabledReason())));
      }
      return deliveries.event(pool, eventId).compose(event -> event == null
          ? Future.succeededFuture(new Outcome.Dead("event no longer stored"))
          : sender.send(endpoint, event.eventId(), event.requestId(), Envelope.of(event))
              .onSuccess(outcomes::record)
              .compose(result -> attempts.record(pool, endpointId, eventId, event.type(), item.attempt(), result)
                  .map(result))
              .compose(result -> decide(endpointId, item.attempt(), result)));
    });
  }

  private Future<Outcome> decide(UUID endpointId, int attempt, AttemptResult result) {
    if (result.success()) {
      return endpoints.markHealthy(pool, endpointId).map(new Outcome.Done());
    }
    if (result.gone()) {
      return disable(endpointId, "the receiver answered 410 Gone");
    }
    return endpoints.markFailing(pool, endpointId, settings.disableAfter()).compose(expired -> {
      if (expired) {
        return disable(endpointId, "failing for longer than " + settings.disableAfter() + ", last: "
            + result.summary());
      }
      if (attempt >= settings.schedule().attempts()) {
        return Future.succeededFuture(new Outcome.Dead("no attempt left after " + attempt + ", last: "
            + result.summary()));
      }
      Duration wait = result.retryAfter() != null
          ? min(result.retryAfter(), settings.schedule().longest())
          : settings.schedule().after(attempt).orElseThrow();
      return Future.succeededFuture(new Outcome.Retry(wait, result.summary()));
    });
  }

  private Future<Outcome> disable(UUID endpointId, String reason) {
    return pool.withTransaction(tx -> endpoints.disable(tx, endpointId, reason)).map(new Outcome.Dead(reason));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
