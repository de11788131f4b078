package io.scimbus.bench;

/** A SCIM base URL (everything before {@code /Users}) and the bearer token that may use it. */
public record Target(String baseUrl, String token) {
  public Target {
    baseUrl = baseUrl.replaceAll("/+$", "");
  }
}
