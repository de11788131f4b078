package io.scimbus.gateway;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers requests Netty could not decode (a request line or headers over the limits, a malformed request line or
 * header) before any route runs. Vert.x's default sends the same statuses with an empty body; a SCIM client gets its
 * error body here, then the connection closes, as the rest of its bytes cannot be trusted.
 */
final class InvalidRequestHandler implements Handler<HttpServerRequest> {
  private final int maxRequestLineBytes;
  private final int maxHeaderBytes;

  InvalidRequestHandler(int maxRequestLineBytes, int maxHeaderBytes) {
    this.maxRequestLineBytes = maxRequestLineBytes;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  @Override
  public void handle(HttpServerRequest request) {
    ScimException error = error(request.decoderResult().cause());
    request.response()
        .setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMedia.SCIM_JSON)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(new JsonObject(error.toBody()).encode());
    request.connection().close();
  }

  private ScimException error(Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      return ScimException.uriTooLong("the request line is longer than " + maxRequestLineBytes + " bytes");
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return ScimException.headersTooLarge("the request headers are larger than " + maxHeaderBytes + " bytes");
    }
    return ScimException.invalidSyntax("malformed HTTP request line or header");
  }
}
