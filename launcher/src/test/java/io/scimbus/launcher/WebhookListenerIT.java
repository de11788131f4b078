package io.scimbus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.notifier.WebhookSignature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ./scimbus webhooks listen} accepts and prints what the secret signed, and refuses the rest with 401. */
class WebhookListenerIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String BODY = "{\"type\":\"user.created\",\"resourceType\":\"User\",\"resourceId\":\"u-1\","
      + "\"version\":1,\"data\":{}}";

  private final Vertx vertx = Vertx.vertx();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void printsAVerifiedDeliveryAndRefusesABadSignatureOrAStaleTimestamp() throws Exception {
    String url = listen();
    long now = System.currentTimeMillis() / 1000;

    assertEquals(204, post(url, "msg_1", now, WebhookSignature.sign(SECRET, "msg_1", now, BODY)));
    assertEquals(401, post(url, "msg_2", now, WebhookSignature.sign(OTHER, "msg_2", now,
        BODY)));
    long stale = now - 600;
    assertEquals(401, post(url, "msg_3", stale, WebhookSignature.sign(SECRET, "msg_3", stale, BODY)));

    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).contains("verified  user.created  User u-1 v1  webhook-id msg_1"), lines.get(0));
    assertEquals("  " + BODY, lines.get(1));
    assertTrue(lines.get(2).contains("REFUSED (no signature matches the secret)"), lines.get(2));
    assertTrue(lines.get(4).contains("REFUSED (timestamp more than 5 min from this clock)"), lines.get(4));
  }

  @Test
  void aSecretIsRequired() {
    assertThrows(IllegalArgumentException.class, () -> WebhookListener.Options.parse(new String[] {"--port", "1"}));
    assertEquals(List.of(SECRET), WebhookListener.Options.parse(new String[] {"--secret", SECRET}).secrets());
  }

  private String listen() throws Exception {
    HttpServer server = WebhookListener.start(vertx, new WebhookListener.Options("127.0.0.1", 0, List.of(SECRET)),
        new PrintStream(printed, true, StandardCharsets.UTF_8)).await(30, TimeUnit.SECONDS);
    return "http://127.0.0.1:" + server.actualPort() + "/";
  }

  private static int post(String url, String id, long timestamp, String signature) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(BODY))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
