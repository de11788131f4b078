package io.scimbus.gateway;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses request bodies that are not JSON with 415. {@code application/scim+json} is SCIM's type (RFC 7644 §3.1);
 * {@code application/json} is what most IdPs send. A missing {@code Content-Type} passes, because some IdP test tools
 * omit it on JSON bodies; the JSON parser still rejects what is not JSON.
 */
final class ContentTypeHandler implements Handler<RoutingContext> {
  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
  private static final Set<String> JSON_TYPES = Set.of(ScimMedia.SCIM_JSON, "application/json");

  @Override
  public void handle(RoutingContext rc) {
    String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && WITH_BODY.contains(rc.request().method()) && !JSON_TYPES.contains(mediaType(contentType))) {
      rc.fail(ScimException.unsupportedMediaType(
          "Content-Type " + contentType + " is not supported; use application/scim+json or application/json"));
      return;
    }
    rc.next();
  }

  /** The type without parameters such as {@code charset}, lower-cased (media types are case-insensitive). */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
