package io.scimbus.notifier;

import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.json.JsonObject;

/**
 * The body of a webhook: the Standard Webhooks envelope ({@code type}, {@code timestamp}, {@code data}) and the
 * event's identity, which receivers use to drop duplicates ({@code eventId}) and order ({@code version}). The
 * schemas are in {@code docs/events/}.
 */
final class Envelope {
  private Envelope() {
  }

  static String of(ProvisioningEvent event) {
    return new JsonObject()
        .put("type", event.type())
        .put("timestamp", event.occurredAt().toString())
        .put("data", event.data())
        .put("eventId", event.eventId())
        .put("tenant", event.tenant())
        .put("resourceType", event.resourceType())
        .put("resourceId", event.resourceId())
        .put("version", event.version())
        .put("requestId", event.requestId())
        .encode();
  }
}
