package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The request body as a JSON object; anything else is the client's {@code invalidSyntax}. */
final class JsonBody {
  private static final String PARSED = "scimbus.parsedBody";

  private JsonBody() {
  }

  static JsonObject of(RoutingContext rc) {
    if (absent(rc)) {
      throw ScimException.invalidSyntax("request body is required");
    }
    return parse(rc);
  }

  /** Like {@link #of}, where a missing body means an empty object (admin requests without parameters). */
  static JsonObject orEmpty(RoutingContext rc) {
    return absent(rc) ? new JsonObject() : parse(rc);
  }

  /**
   * The body as a JSON object without failing: the one already parsed for this request if any, else parsed now;
   * null when it is absent or not a JSON object.
   */
  static JsonObject lenient(RoutingContext rc) {
    JsonObject parsed = rc.get(PARSED);
    if (parsed != null || absent(rc)) {
      return parsed;
    }
    try {
      return parse(rc);
    } catch (ScimException e) {
      return null;
    }
  }

  private static boolean absent(RoutingContext rc) {
    return rc.body() == null || rc.body().buffer() == null || rc.body().length() <= 0;
  }

  private static JsonObject parse(RoutingContext rc) {
    try {
      Object parsed = rc.body().buffer().toJsonValue();
      if (parsed instanceof JsonObject object) {
        rc.put(PARSED, object);
        return object;
      }
    } catch (DecodeException e) {
      throw ScimException.invalidSyntax("request body is not valid JSON: " + e.getMessage());
    }
    throw ScimException.invalidSyntax("request body must be a JSON object");
  }
}
