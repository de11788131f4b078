package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The request body as a JSON object; anything else is the client's {@code invalidSyntax}. */
final class JsonBody {
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

  private static boolean absent(RoutingContext rc) {
    return rc.body() == null || rc.body().buffer() == null || rc.body().length() <= 0;
  }

  private static JsonObject parse(RoutingContext rc) {
    try {
      Object parsed = rc.body().buffer().toJsonValue();
      if (parsed instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      throw ScimException.invalidSyntax("request body is not valid JSON: " + e.getMessage());
    }
    throw ScimException.invalidSyntax("request body must be a JSON object");
  }
}
