package io.scimbus.notifier;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of a webhook: the Standard Webhooks envelope ({@code type}, {@code timestamp}, {@code data}) and the
 * event's identity, which receivers use to drop duplicates ({@code eventId}) and order ({@code version}). The
 * schemas are in {@code events/v1/} beside this class's resources, one file per type.
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

  /** The body of a {@code webhook.test} event for one endpoint, sent now. */
  static String test(UUID eventId, String tenant, UUID endpointId) {
    return new JsonObject()
        .put("type", EventTypes.WEBHOOK_TEST)
        .put("timestamp", Instant.now().toString())
        .put("data", new JsonObject().put("endpointId", endpointId.toString()))
        .put("eventId", eventId.toString())
        .put("tenant", tenant)
        .encode();
  }
}
