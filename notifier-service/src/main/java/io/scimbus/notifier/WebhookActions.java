package io.scimbus.notifier;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The admin API's webhook actions. Every one first asks policy-service whether the tenant exists (404 otherwise),
 * then finds the endpoint within that tenant (404 otherwise); bad input is a 400 and stores nothing.
 */
final class WebhookActions {
  static final int MAX_ENDPOINTS_PER_TENANT = 100;

  private final Vertx vertx;
  private final Pool pool;
  private final Tenants tenants;
  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final AttemptLog attempts;
  private final SecretCipher cipher;
  private final TargetPolicy policy;
  private final SignedSender sender;
  private final WebhookSettings settings;
  private final Runnable wakeDelivery;

  WebhookActions(Vertx vertx, Pool pool, Tenants tenants, EndpointRepository endpoints, DeliveryRepository deliveries,
      AttemptLog attempts, SecretCipher cipher, TargetPolicy policy, SignedSender sender, WebhookSettings settings,
      Runnable wakeDelivery) {
    this.vertx = vertx;
    this.pool = pool;
    this.tenants = tenants;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.attempts = attempts;
    this.cipher = cipher;
    this.policy = policy;
    this.sender = sender;
    this.settings = settings;
    this.wakeDelivery = wakeDelivery;
  }

  /** 201 with the endpoint and its secret, which no later answer shows. */
  Future<ScimReply> create(BusRequest request) {
    String tenant = request.tenant();
    return tenants.requireExisting(tenant, request.requestId()).compose(v -> {
      JsonObject body = WebhookInput.forCreate(request.body());
      String url = body.getString("url");
      List<String> types = WebhookInput.eventTypes(body.getValue("eventTypes"));
      String description = body.getString("description", "");
      return checkTarget(url)
          .compose(ok -> endpoints.count(pool, tenant))
          .compose(count -> {
            if (count >= MAX_ENDPOINTS_PER_TENANT) {
              throw ScimException.invalidValue("a tenant has at most " + MAX_ENDPOINTS_PER_TENANT
                  + " webhook endpoints");
            }
            UUID id = UUID.randomUUID();
            String secret = WebhookSignature.newSecret();
            return endpoints.insert(pool, id, tenant, url, types, description, cipher.encrypt(secret, id.toString()))
                .map(endpoint -> ScimReply.created(endpoint.toJson().put("secret", secret), null));
          });
    });
  }

  Future<ScimReply> list(BusRequest request) {
    String tenant = request.tenant();
    int startIndex = ListQuery.startIndex(request.query());
    int count = ListQuery.count(request.query());
    return tenants.requireExisting(tenant, request.requestId())
        .compose(v -> endpoints.count(pool, tenant))
        .compose(total -> endpoints.page(pool, tenant, startIndex - 1, count)
            .map(page -> ScimReply.ok(page(total, startIndex,
                page.stream().map(Endpoint::toJson).toList()), null)));
  }

  /** The endpoint with how many deliveries wait and how many are dead letters. */
  Future<ScimReply> get(BusRequest request) {
    return endpoint(request).compose(endpoint -> deliveries.counts(pool, endpoint.id())
        .map(counts -> ScimReply.ok(endpoint.toJson().mergeIn(counts), null)));
  }

  Future<ScimReply> update(BusRequest request) {
    return endpoint(request).compose(current -> {
      JsonObject body = WebhookInput.forUpdate(request.body());
      String url = body.containsKey("url") ? body.getString("url") : current.url();
      Endpoint changed = new Endpoint(current.id(), current.tenant(), url,
          body.containsKey("eventTypes") ? WebhookInput.eventTypes(body.getValue("eventTypes")) : current.eventTypes(),
          body.getString("description", current.description()), body.getBoolean("enabled", current.enabled()),
          null, null, null, null, null, null);
      Future<Void> checked = url.equals(current.url()) ? Future.succeededFuture() : checkTarget(url);
      return checked.compose(v -> endpoints.update(pool, changed, "disabled by an operator"))
          .map(updated -> ScimReply.ok(found(updated, request).toJson(), null));
    });
  }

  Future<ScimReply> delete(BusRequest request) {
    return endpoint(request).compose(endpoint -> endpoints.delete(pool, request.tenant(), endpoint.id()))
        .map(deleted -> ScimReply.noContent());
  }

  /** A new secret, shown only here; the old one keeps signing beside it for the grace period. */
  Future<ScimReply> rotateSecret(BusRequest request) {
    return endpoint(request).compose(endpoint -> {
      String secret = WebhookSignature.newSecret();
      return endpoints.rotate(pool, request.tenant(), endpoint.id(), cipher.encrypt(secret, endpoint.id().toString()),
          settings.secretGrace()).map(rotated -> ScimReply.ok(found(rotated, request).toJson().put("secret", secret)
              .put("previousSecretExpiresAt", rotated.previousSecretExpiresAt().toInstant().toString()), null));
    });
  }

  /** Attempts, newest first; filters {@code eventId} and {@code outcome} (success or failure). */
  Future<ScimReply> deliveries(BusRequest request) {
    JsonObject query = request.query();
    AttemptLog.Filter filter = new AttemptLog.Filter(uuidParam(query.getString("eventId"), "eventId"),
        outcome(query.getString("outcome")));
    int startIndex = ListQuery.startIndex(query);
    int count = ListQuery.count(query);
    return endpoint(request).compose(endpoint -> attempts.count(pool, endpoint.id(), filter)
        .compose(total -> attempts.page(pool, endpoint.id(), filter, startIndex - 1, count)
            .map(page -> ScimReply.ok(page(total, startIndex, page), null))));
  }

  /**
   * Queues events again with their original {@code webhook-id}: {@code {"eventId"}} (one event),
   * {@code {"since": ISO-8601}} (the matching events received since) or {@code {"deadLetters": true}}. 202 with the
   * number queued; an event already waiting is not queued twice.
   */
  Future<ScimReply> replay(BusRequest request) {
    return endpoint(request).compose(endpoint -> {
      JsonObject body = request.body();
      if (body.size() != 1) {
        throw ScimException.invalidValue("send exactly one of eventId, since or deadLetters: true");
      }
      if (!endpoint.enabled()) {
        throw ScimException.invalidValue("endpoint is disabled; enable it with PATCH {\"enabled\": true} first");
      }
      Future<Integer> queued;
      if (body.containsKey("eventId")) {
        UUID eventId = uuidParam(body.getValue("eventId") instanceof String s ? s : "", "eventId");
        queued = deliveries.event(pool, eventId).compose(event -> {
          if (event == null || !event.tenant().equals(request.tenant())) {
            throw ScimException.notFound("event " + eventId + " not found");
          }
          return deliveries.replayEvent(pool, endpoint.id(), eventId);
        });
      } else if (body.containsKey("since")) {
        queued = deliveries.replaySince(pool, endpoint.id(), instant(body.getValue("since")));
      } else if (Boolean.TRUE.equals(body.getValue("deadLetters"))) {
        queued = deliveries.replayDeadLetters(pool, endpoint.id());
      } else {
        throw ScimException.invalidValue("send exactly one of eventId, since or deadLetters: true");
      }
      return queued.map(n -> {
        wakeDelivery.run();
        return new ScimReply(202, new JsonObject().put("queued", n), null);
      });
    });
  }

  /** Sends a {@code webhook.test} event now, outside the queue, and answers with how the attempt went. */
  Future<ScimReply> test(BusRequest request) {
    return endpoint(request).compose(endpoint -> {
      UUID eventId = UUID.randomUUID();
      String body = Envelope.test(eventId, endpoint.tenant(), endpoint.id());
      return sender.send(endpoint, eventId.toString(), request.requestId(), body)
          .compose(result -> attempts.record(pool, endpoint.id(), eventId, EventTypes.WEBHOOK_TEST, 1, result)
              .map(v -> ScimReply.ok(result.toJson().put("eventId", eventId.toString())
                  .put("eventType", EventTypes.WEBHOOK_TEST).put("attempt", 1), null)));
    });
  }

  private Future<Endpoint> endpoint(BusRequest request) {
    return tenants.requireExisting(request.tenant(), request.requestId()).compose(v -> {
      UUID id = parseUuid(request.id());
      if (id == null) {
        throw notFound(request.id());
      }
      return endpoints.get(pool, request.tenant(), id).map(endpoint -> found(endpoint, request));
    });
  }

  private Future<Void> checkTarget(String url) {
    URI target = TargetPolicy.parse(url);
    return policy.resolve(vertx, target).<Void>mapEmpty().recover(failure -> Future.failedFuture(
        failure instanceof TargetPolicy.Refused refused
            ? ScimException.invalidValue("url is not an allowed target: " + refused.getMessage()
                + " (SCIMBUS_WEBHOOK_ALLOWED_NETWORKS lists networks that are allowed anyway)")
            : failure));
  }

  private static Endpoint found(Endpoint endpoint, BusRequest request) {
    if (endpoint == null) {
      throw notFound(request.id());
    }
    return endpoint;
  }

  private static ScimException notFound(String id) {
    return ScimException.notFound("webhook endpoint " + id + " not found");
  }

  private static JsonObject page(long total, int startIndex, List<JsonObject> items) {
    return new JsonObject()
        .put("totalResults", total)
        .put("startIndex", startIndex)
        .put("itemsPerPage", items.size())
        .put("Resources", new JsonArray(List.copyOf(items)));
  }

  private static UUID uuidParam(String text, String name) {
    if (text == null) {
      return null;
    }
    UUID id = parseUuid(text);
    if (id == null) {
      throw ScimException.invalidValue(name + " must be an event id (a UUID), got \"" + text + "\"");
    }
    return id;
  }

  private static UUID parseUuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Boolean outcome(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (text.trim()) {
      case "success" -> true;
      case "failure" -> false;
      default -> throw ScimException.invalidValue("outcome must be success or failure, got \"" + text + "\"");
    };
  }

  private static OffsetDateTime instant(Object value) {
    try {
      return OffsetDateTime.ofInstant(Instant.parse(String.valueOf(value).trim()), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ScimException.invalidValue("since must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }
}
