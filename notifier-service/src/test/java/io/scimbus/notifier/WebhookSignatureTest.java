package io.scimbus.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void signsTheStandardWebhooksPublishedTestVector() {
    // from the Standard Webhooks reference libraries' test suites
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
        "{\"test\": 2432232314}"));
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
