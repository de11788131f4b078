package io.scimbus.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  private static final String K1 = "k1:" + key();
  private static final String K2 = "k2:" + key();

  @Test
  void encryptsWithTheFirstKeyAndDecryptsWithAnyConfiguredOne() {
    String sealedWithK1 = new SecretCipher(K1).encrypt("whsec_abc", "endpoint-1");
    assertTrue(sealedWithK1.startsWith("k1:"), sealedWithK1);
    assertFalse(sealedWithK1.contains("whsec_abc"));
    SecretCipher rotated = new SecretCipher(K2 + "," + K1);
    assertEquals("whsec_abc", rotated.decrypt(sealedWithK1, "endpoint-1"));
    assertTrue(rotated.encrypt("whsec_abc", "endpoint-1").startsWith("k2:"));
  }

  @Test
  void aCiphertextMovedToAnotherEndpointDoesNotDecrypt() {
    SecretCipher cipher = new SecretCipher(K1);
    String sealed = cipher.encrypt("whsec_abc", "endpoint-1");
    assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "endpoint-2"));
  }

  @Test
  void refusesKeysOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> new SecretCipher("k1:" + Base64.getEncoder()
        .encodeToString(new byte[10])));
  }

  private static String key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
