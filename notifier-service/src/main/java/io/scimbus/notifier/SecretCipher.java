package io.scimbus.notifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest with AES-GCM. Keys come from configuration as {@code kid:base64key,...}; the
 * first encrypts and every one decrypts, so putting a new key first rotates without re-encrypting. A ciphertext is
 * {@code kid:base64(iv|ciphertext|tag)}, bound to its endpoint id as associated data so it cannot be moved to
 * another row.
 */
final class SecretCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String encryptingKid;

  SecretCipher(String configured) {
    for (String entry : configured.split(",")) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("webhook secret keys are kid:base64key,...");
      }
      byte[] key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new IllegalArgumentException("webhook secret key " + entry.substring(0, colon)
            + " must be 16, 24 or 32 bytes");
      }
      keys.put(entry.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
    }
    encryptingKid = keys.keySet().iterator().next();
  }

  String encrypt(String plain, String boundTo) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(encryptingKid), iv, boundTo,
        plain.getBytes(StandardCharsets.UTF_8));
    ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
    return encryptingKid + ":" + Base64.getEncoder().encodeToString(out.array());
  }

  String decrypt(String stored, String boundTo) {
    int colon = stored.indexOf(':');
    SecretKeySpec key = keys.get(stored.substring(0, colon));
    if (key == null) {
      throw new IllegalStateException("webhook secret encrypted with key " + stored.substring(0, colon)
          + ", which is no longer configured");
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
    byte[] iv = Arrays.copyOfRange(all, 0, IV_BYTES);
    byte[] sealed = Arrays.copyOfRange(all, IV_BYTES, all.length);
    return new String(run(Cipher.DECRYPT_MODE, key, iv, boundTo, sealed), StandardCharsets.UTF_8);
  }

  private static byte[] run(int mode, SecretKeySpec key, byte[] iv, String boundTo, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("webhook secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted"
          : "decrypted") + ": " + e.getMessage(), e);
    }
  }
}
