package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.testsupport.ScimClient.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Shapes every SCIM answer must have. */
final class ScimAssertions {
  static final String SCIM_JSON = "application/scim+json";
  static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ScimAssertions() {
  }

  /** A SCIM error with this status, as {@code application/scim+json}; returns the body. */
  static JsonObject assertScimError(int status, Response response) {
    assertEquals(status, response.status(), response.toString());
    assertEquals(SCIM_JSON, response.header("Content-Type"), response.toString());
    JsonObject body = response.json();
    assertEquals(new JsonArray().add(ERROR), body.getJsonArray("schemas"));
    assertEquals(Integer.toString(status), body.getString("status"));
    return body;
  }

  /** A 200 SCIM answer; returns the body. */
  static JsonObject assertOk(Response response) {
    assertEquals(200, response.status(), response.toString());
    assertEquals(SCIM_JSON, response.header("Content-Type"));
    return response.json();
  }
}
