package io.scimbus.gateway;

/** HTTP names the gateway speaks. */
final class ScimMedia {
  static final String SCIM_JSON = "application/scim+json";
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  static final String SCIM_PREFIX = "/scim/v2/:tenant";

  private ScimMedia() {
  }
}
