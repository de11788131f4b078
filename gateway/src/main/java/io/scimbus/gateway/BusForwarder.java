package io.scimbus.gateway;

import io.scimbus.contract.RequestFields;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Turns an HTTP request into a {@link ServiceRequest} to the owning service, and its reply into the HTTP answer. */
final class BusForwarder {
  private final ServiceClient client;

  BusForwarder(ServiceClient client) {
    this.client = client;
  }

  /** Forwards with the request's JSON body (when {@code withBody}), id path parameter and query parameters. */
  void forward(RoutingContext rc, String address, String action, boolean withBody) {
    send(rc, request(rc, address, action, withBody));
  }

  /** The service request an HTTP request stands for, for callers that add fields before {@link #send}. */
  ServiceRequest request(RoutingContext rc, String address, String action, boolean withBody) {
    ServiceRequest request = client.request(address, action, rc.get(BearerAuthHandler.TENANT_KEY), RequestIdHandler.of(rc))
        .with(RequestFields.QUERY, query(rc))
        .with(RequestFields.ID, rc.pathParam("id"))
        .with(RequestFields.IF_MATCH, rc.request().getHeader(HttpHeaders.IF_MATCH))
        .with(RequestFields.IF_NONE_MATCH, rc.request().getHeader(HttpHeaders.IF_NONE_MATCH));
    return withBody ? request.with(RequestFields.BODY, JsonBody.of(rc)) : request;
  }

  void send(RoutingContext rc, ServiceRequest request) {
    client.send(request)
        .onSuccess(reply -> ReplyWriter.write(rc.response(), reply))
        .onFailure(rc::fail);
  }

  private static JsonObject query(RoutingContext rc) {
    JsonObject query = new JsonObject();
    rc.queryParams().forEach(entry -> query.put(entry.getKey(), entry.getValue()));
    return query;
  }
}
