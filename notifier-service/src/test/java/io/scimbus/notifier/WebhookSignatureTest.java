package io.scimbus.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  // the Standard Webhooks published test vector, from the reference libraries' test suites
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final String BODY = "{\"test\": 2432232314}";
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SENT = Instant.ofEpochSecond(TIMESTAMP);

  @Test
  void signsTheStandardWebhooksPublishedTestVector() {
    assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
  }

  @Test
  void verifiesThePublishedTestVectorWithinFiveMinutesEitherWay() {
    String timestamp = Long.toString(TIMESTAMP);
    assertTrue(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, BODY, SENT));
    assertTrue(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, BODY, SENT.plusSeconds(300)));
    assertTrue(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, BODY, SENT.minusSeconds(300)));
    assertFalse(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, BODY, SENT.plusSeconds(301)), "stale");
    assertFalse(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, BODY, SENT.minusSeconds(301)), "future");
  }

  @Test
  void refusesAChangedBodyIdTimestampOrSecret() {
    String timestamp = Long.toString(TIMESTAMP);
    assertFalse(WebhookSignature.verify(SECRET, ID, timestamp, SIGNATURE, "{\"test\": 2432232315}", SENT));
    assertFalse(WebhookSignature.verify(SECRET, "msg_other", timestamp, SIGNATURE, BODY, SENT));
    assertFalse(WebhookSignature.verify(SECRET, ID, Long.toString(TIMESTAMP + 1), SIGNATURE, BODY, SENT));
    assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, timestamp, SIGNATURE, BODY, SENT));
    assertFalse(WebhookSignature.verify(SECRET, ID, "yesterday", SIGNATURE, BODY, SENT));
    assertFalse(WebhookSignature.verify(SECRET, ID, timestamp, null, BODY, SENT));
  }

  @Test
  void duringARotationEitherSecretVerifiesTheTwoSignatureHeader() {
    String rotated = WebhookSignature.newSecret();
    String header = WebhookSignature.header(List.of(rotated, SECRET), ID, TIMESTAMP, BODY);
    String timestamp = Long.toString(TIMESTAMP);
    assertTrue(WebhookSignature.verify(SECRET, ID, timestamp, header, BODY, SENT), "receiver not yet updated");
    assertTrue(WebhookSignature.verify(rotated, ID, timestamp, header, BODY, SENT), "receiver already updated");
    assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, timestamp, header, BODY, SENT));
  }

  @Test
  void oneSignaturePerSecretSpaceSeparated() {
    String a = WebhookSignature.newSecret();
    String b = WebhookSignature.newSecret();
    assertEquals(WebhookSignature.sign(a, "id", 1, "{}") + " " + WebhookSignature.sign(b, "id", 1, "{}"),
        WebhookSignature.header(List.of(a, b), "id", 1, "{}"));
  }

  @Test
  void newSecretsAreWhsecAndBase64OfRandomBytes() {
    String secret = WebhookSignature.newSecret();
    assertTrue(secret.startsWith("whsec_"), secret);
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    assertTrue(key.length >= 24 && key.length <= 64, "key of " + key.length + " bytes");
  }
}
