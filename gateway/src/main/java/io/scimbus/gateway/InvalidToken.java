package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;

/**
 * 401 for a bearer token that was presented but is not good (malformed, bad signature, expired, revoked, another
 * tenant's). RFC 6750 §3.1 says the challenge then carries {@code error="invalid_token"}; a request without any
 * token gets the bare challenge.
 */
final class InvalidToken extends ScimException {
  private static final String CHALLENGE = "Bearer realm=\"scimbus\"";

  InvalidToken(String detail) {
    super(401, null, detail);
  }

  /** The {@code WWW-Authenticate} value for a 401. */
  static String challenge(ScimException error) {
    return error instanceof InvalidToken ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE;
  }
}
