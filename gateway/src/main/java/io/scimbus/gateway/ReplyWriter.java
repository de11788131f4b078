package io.scimbus.gateway;

import io.scimbus.contract.ScimReply;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes a service's {@link ScimReply} as the HTTP answer: status, {@code ETag}, {@code Location} on create. */
final class ReplyWriter {
  private ReplyWriter() {
  }

  static void write(HttpServerResponse response, ScimReply reply) {
    response.setStatusCode(reply.status());
    if (reply.version() != null) {
      response.putHeader(HttpHeaders.ETAG, reply.version());
    }
    if (reply.body() == null) {
      response.end();
      return;
    }
    if (reply.status() == 201) {
      String location = location(reply.body());
      if (location != null) {
        response.putHeader(HttpHeaders.LOCATION, location);
      }
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, ScimMedia.SCIM_JSON).end(reply.body().toBuffer());
  }

  /** {@code meta.location} of a resource body, or null. */
  static String location(JsonObject body) {
    JsonObject meta = body == null ? null : body.getJsonObject("meta");
    return meta == null ? null : meta.getString("location");
  }
}
