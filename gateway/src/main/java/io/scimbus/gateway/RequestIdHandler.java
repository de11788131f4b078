package io.scimbus.gateway;

import io.scimbus.runtime.logging.LogContext;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Gives every request an id (the client's {@code X-Request-Id} when sane) and echoes it on the response. */
final class RequestIdHandler implements Handler<RoutingContext> {
  static final String KEY = "scimbus.requestId";

  @Override
  public void handle(RoutingContext rc) {
    String id = rc.request().getHeader(ScimMedia.REQUEST_ID_HEADER);
    if (id == null || id.length() > 128 || !id.matches("[A-Za-z0-9._:-]+")) {
      id = UUID.randomUUID().toString();
    }
    rc.put(KEY, id);
    LogContext.set(id, null);
    rc.response().putHeader(ScimMedia.REQUEST_ID_HEADER, id);
    rc.next();
  }

  static String of(RoutingContext rc) {
    return rc.get(KEY);
  }
}
