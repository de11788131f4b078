package io.scimbus.gateway;

import io.scimbus.contract.BusErrors;
import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every failure as a SCIM error body with {@code application/scim+json}; nothing else leaves the gateway. */
final class ScimFailureHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ScimFailureHandler.class);

  @Override
  public void handle(RoutingContext rc) {
    ScimException error = toScim(rc);
    if (error.status() >= 500) {
      LOG.warn("requestId={} {} {} -> {} {}", RequestIdHandler.of(rc), rc.request().method(), rc.request().path(),
          error.status(), error.detail(), rc.failure());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("requestId={} {} {} -> {} {}", RequestIdHandler.of(rc), rc.request().method(), rc.request().path(),
          error.status(), error.detail());
    }
    if (rc.response().headWritten()) {
      rc.response().reset();
      return;
    }
    if (error instanceof BusErrors.ServiceUnavailable) {
      rc.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(BusErrors.ServiceUnavailable.RETRY_AFTER_SECONDS));
    }
    if (error.status() == 401) {
      rc.response().putHeader("WWW-Authenticate", InvalidToken.challenge(error));
    }
    rc.response()
        .setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMedia.SCIM_JSON)
        .end(new JsonObject(error.toBody()).encode());
  }

  private static ScimException toScim(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure != null) {
      return BusErrors.toScim(failure);
    }
    return switch (rc.statusCode()) {
      case 400 -> ScimException.invalidSyntax("malformed request");
      case 404 -> ScimException.notFound("no such endpoint " + rc.request().path());
      case 405 -> ScimException.methodNotAllowed(rc.request().method() + " is not supported here");
      case 413 -> ScimException.payloadTooLarge("request body exceeds the maximum payload size");
      case 415 -> ScimException.unsupportedMediaType("use application/scim+json or application/json");
      default -> new ScimException(rc.statusCode() > 0 ? rc.statusCode() : 500, null, "request failed");
    };
  }
}
