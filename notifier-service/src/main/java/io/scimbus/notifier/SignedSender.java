package io.scimbus.notifier;

import io.vertx.core.Future;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends a webhook to an endpoint the Standard Webhooks way: {@code webhook-id} (the event id, the same on every
 * retry and replay, so receivers drop duplicates), {@code webhook-timestamp} (this attempt's Unix seconds) and
 * {@code webhook-signature}, signed with the endpoint's secret and, during a rotation's grace period, the old one.
 */
final class SignedSender {
  private final SecretCipher cipher;
  private final WebhookSender sender;

  SignedSender(SecretCipher cipher, WebhookSender sender) {
    this.cipher = cipher;
    this.sender = sender;
  }

  Future<AttemptResult> send(Endpoint endpoint, String webhookId, String body) {
    long timestamp = System.currentTimeMillis() / 1000;
    String signature = WebhookSignature.header(secrets(endpoint), webhookId, timestamp, body);
    return sender.send(URI.create(endpoint.url()), Map.of("webhook-id", webhookId,
        "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature), body);
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
