package io.scimbus.gateway.console;

import io.scimbus.runtime.ConfigKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin credential ({@link ConfigKeys#ADMIN_TOKEN}), held only as its hash. Both sides are hashed before the
 * constant-time comparison so that neither content nor length leaks through timing. Keys derived from it (the
 * console's session key) change with it: rotating the admin secret ends every console session on every replica.
 */
public final class AdminSecret {
  private final byte[] hash;

  private AdminSecret(byte[] hash) {
    this.hash = hash;
  }

  /** {@code configured} null or blank disables the admin API and the console. */
  public static AdminSecret of(String configured) {
    return new AdminSecret(configured == null || configured.isBlank() ? null : sha256(configured));
  }

  public boolean enabled() {
    return hash != null;
  }

  public boolean matches(String candidate) {
    return hash != null && candidate != null && MessageDigest.isEqual(hash, sha256(candidate.trim()));
  }

  /** A key for {@code purpose} that only holders of the secret can compute. */
  byte[] derive(String purpose) {
    if (hash == null) {
      throw new IllegalStateException("no admin secret to derive a key from");
    }
    return hmac(hash, purpose);
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
