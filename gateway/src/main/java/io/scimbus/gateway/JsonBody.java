package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The request body as a JSON object, parsed by {@link StrictJson} at most once per request: the result (or the
 * refusal) is kept in the routing context, so the rate limiter, the handler and the provisioning log share it.
 */
final class JsonBody {
  private static final String PARSER = "scimbus.jsonParser";
  private static final String PARSED = "scimbus.parsedBody";
  private static final String REFUSED = "scimbus.refusedBody";

  private JsonBody() {
  }

  /** Makes {@code parser} the one every later handler of the request parses with. */
  static Handler<RoutingContext> parsingWith(StrictJson parser) {
    return rc -> {
      rc.put(PARSER, parser);
      rc.next();
    };
  }

  /** The body; anything that is absent or not a JSON object is the client's {@code invalidSyntax}. */
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

  /** The body without failing: null when it is absent or not a JSON object. */
  static JsonObject lenient(RoutingContext rc) {
    if (absent(rc)) {
      return null;
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
    JsonObject parsed = rc.get(PARSED);
    if (parsed != null) {
      return parsed;
    }
    ScimException refused = rc.get(REFUSED);
    if (refused == null) {
      StrictJson parser = rc.get(PARSER);
      try {
        if (parser.parse(rc.body().buffer()) instanceof JsonObject object) {
          rc.put(PARSED, object);
          return object;
        }
        refused = ScimException.invalidSyntax("request body must be a JSON object");
      } catch (ScimException e) {
        refused = e;
      }
      rc.put(REFUSED, refused);
    }
    throw refused;
  }
}
