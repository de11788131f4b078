package io.scimbus.gateway;

import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Turns an HTTP request into a bus request to the owning service, and its reply into the HTTP answer. */
final class BusForwarder {
  private final EventBus bus;
  private final long timeoutMs;
  private final String publicBaseUrl;

  BusForwarder(EventBus bus, long timeoutMs, String publicBaseUrl) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Forwards with the request's JSON body (when {@code withBody}), id path parameter and query parameters. */
  void forward(RoutingContext rc, String address, String action, boolean withBody) {
    String tenant = rc.get(BearerAuthHandler.TENANT_KEY);
    JsonObject payload = new JsonObject()
        .put(RequestFields.BASE_URL, publicBaseUrl + "/scim/v2/" + tenant)
        .put(RequestFields.QUERY, query(rc));
    String id = rc.pathParam("id");
    if (id != null) {
      payload.put(RequestFields.ID, id);
    }
    if (withBody) {
      payload.put(RequestFields.BODY, jsonBody(rc));
    }
    putIfPresent(payload, RequestFields.IF_MATCH, rc.request().getHeader(HttpHeaders.IF_MATCH));
    putIfPresent(payload, RequestFields.IF_NONE_MATCH, rc.request().getHeader(HttpHeaders.IF_NONE_MATCH));
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMs)
        .addHeader(BusHeaders.ACTION, action)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, RequestIdHandler.of(rc));
    bus.<JsonObject>request(address, payload, options)
        .map(message -> ScimReply.fromJson(message.body()))
        .onSuccess(reply -> respond(rc.response(), reply))
        .onFailure(rc::fail);
  }

  private static void respond(HttpServerResponse response, ScimReply reply) {
    response.setStatusCode(reply.status());
    if (reply.version() != null) {
      response.putHeader(HttpHeaders.ETAG, reply.version());
    }
    if (reply.body() == null) {
      response.end();
      return;
    }
    if (reply.status() == 201) {
      JsonObject meta = reply.body().getJsonObject("meta");
      if (meta != null && meta.getString("location") != null) {
        response.putHeader(HttpHeaders.LOCATION, meta.getString("location"));
      }
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, ScimMedia.SCIM_JSON).end(reply.body().toBuffer());
  }

  private static JsonObject jsonBody(RoutingContext rc) {
    if (rc.body() == null || rc.body().length() == 0) {
      throw ScimException.invalidSyntax("request body is required");
    }
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

  private static JsonObject query(RoutingContext rc) {
    JsonObject query = new JsonObject();
    rc.queryParams().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
    return query;
  }

  private static void putIfPresent(JsonObject payload, String key, String value) {
    if (value != null) {
      payload.put(key, value);
    }
  }
}
