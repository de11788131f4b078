package io.scimbus.notifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing. A secret is {@code whsec_} + base64 of random bytes, and those bytes are the HMAC key;
 * a signature is {@code v1,} + base64(HMAC-SHA256(key, id.timestamp.body)). Several signatures (during a secret
 * rotation) are space-separated in one {@code webhook-signature} header. Public for receivers written in Java
 * (the test receiver, {@code ./scimbus webhooks listen}): {@link #verify} is what they check.
 */
public final class WebhookSignature {
  /** How far a webhook's timestamp may be from the receiver's clock, either way, so a captured request goes stale. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final String SECRET_PREFIX = "whsec_";
  private static final String VERSION = "v1,";
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {
  }

  static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** {@code v1,} + base64(HMAC-SHA256(secret's bytes, id.timestamp.body)). */
  public static String sign(String secret, String id, long timestamp, String body) {
    byte[] key = Base64.getDecoder().decode(secret.startsWith(SECRET_PREFIX)
        ? secret.substring(SECRET_PREFIX.length()) : secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The {@code webhook-signature} header value: one signature per secret, space-separated. */
  static String header(List<String> secrets, String id, long timestamp, String body) {
    return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
  }

  /**
   * Whether a webhook is genuine: {@code timestamp} (the {@code webhook-timestamp} header) is within
   * {@link #TOLERANCE} of {@code now}, and one of the space-separated {@code v1} signatures in {@code signatures}
   * (the {@code webhook-signature} header) is {@code secret}'s over {@code id.timestamp.body}, compared in constant
   * time.
   */
  public static boolean verify(String secret, String id, String timestamp, String signatures, String body,
      Instant now) {
    if (id == null || timestamp == null || signatures == null || body == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
    boolean matched = false;
    for (String candidate : signatures.trim().split(" +")) {
      matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
    }
    return matched;
  }
}
