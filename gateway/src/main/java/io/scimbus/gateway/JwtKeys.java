package io.scimbus.gateway;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HMAC keys of tenant tokens, by kid. {@code SCIMBUS_JWT_KEYS=kid1:secret1,kid2:secret2} with
 * {@code SCIMBUS_JWT_SIGNING_KID} naming the one that signs; all of them verify, which is how a key is rotated:
 * add the new key, switch the signing kid, regenerate tenant tokens, then drop the old key. Without
 * {@code SCIMBUS_JWT_KEYS}, {@code SCIMBUS_JWT_SECRET} is the single key {@value #DEFAULT_KID}.
 */
record JwtKeys(Map<String, String> secrets, String signingKid) {
  static final String DEFAULT_KID = "default";
  private static final int MIN_SECRET_LENGTH = 16;

  JwtKeys {
    if (secrets.isEmpty()) {
      throw new IllegalStateException("no tenant-token key configured: set " + ConfigKeys.JWT_KEYS + " or "
          + ConfigKeys.JWT_SECRET);
    }
    if (!secrets.containsKey(signingKid)) {
      throw new IllegalStateException(ConfigKeys.JWT_SIGNING_KID + " \"" + signingKid + "\" is not a kid of "
          + ConfigKeys.JWT_KEYS);
    }
    secrets = Map.copyOf(secrets);
  }

  static JwtKeys from(ServiceConfig config) {
    String keys = config.string(ConfigKeys.JWT_KEYS, "");
    if (keys.isBlank()) {
      return new JwtKeys(Map.of(DEFAULT_KID, secret(config.string(ConfigKeys.JWT_SECRET), DEFAULT_KID)), DEFAULT_KID);
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String entry : keys.split(",")) {
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(ConfigKeys.JWT_KEYS + " entries must be kid:secret");
      }
      String kid = entry.substring(0, colon).trim();
      secrets.put(kid, secret(entry.substring(colon + 1).trim(), kid));
    }
    String signing = config.string(ConfigKeys.JWT_SIGNING_KID, secrets.keySet().iterator().next());
    return new JwtKeys(secrets, signing);
  }

  private static String secret(String secret, String kid) {
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalStateException("tenant-token key " + kid + " is shorter than " + MIN_SECRET_LENGTH
          + " characters");
    }
    return secret;
  }
}
