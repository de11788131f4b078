package io.scimbus.notifier;

import io.vertx.core.Future;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a webhook to an endpoint the Standard Webhooks way: {@code webhook-id} (the event id, the same on every
 * retry and replay, so receivers drop duplicates), {@code webhook-timestamp} (this attempt's Unix seconds) and
 * {@code webhook-signature}, signed with the endpoint's secret and, during a rotation's grace period, the old one;
 * {@code X-Request-Id} is the id of the request that caused the event, so a receiver's logs meet scimbus's.
 */
final class SignedSender {
  static final String REQUEST_ID = "X-Request-Id";

  private final SecretCipher cipher;
  private final WebhookSender sender;

  SignedSender(SecretCipher cipher, WebhookSender sender) {
    this.cipher = cipher;
    this.sender = sender;
  }

  /** {@code requestId} may be null or empty (an event whose request had none): the header is left out. */
  Future<AttemptResult> send(Endpoint endpoint, String webhookId, String requestId, String body) {
    long timestamp = System.currentTimeMillis() / 1000;
    String signature = WebhookSignature.header(secrets(endpoint), webhookId, timestamp, body);
    Map<String, String> headers = new HashMap<>(Map.of("webhook-id", webhookId,
        "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature));
    if (requestId != null && !requestId.isEmpty()) {
      headers.put(REQUEST_ID, requestId);
    }
    return sender.send(URI.create(endpoint.url()), headers, body);
  }

  private List<String> secrets(Endpoint endpoint) {
    String boundTo = endpoint.id().toString();
    List<String> secrets = new ArrayList<>(List.of(cipher.decrypt(endpoint.secret(), boundTo)));
    if (endpoint.previousSecret() != null && endpoint.previousSecretExpiresAt() != null
        && endpoint.previousSecretExpiresAt().isAfter(OffsetDateTime.now())) {
      secrets.add(cipher.decrypt(endpoint.previousSecret(), boundTo));
    }
    return secrets;
  }
}
