package io.scimbus.gateway;

import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Sends SCIM requests to their owning services over the bus: the one way both HTTP requests and bulk operations go. */
final class ServiceClient {
  private final EventBus bus;
  private final long timeoutMs;
  private final String publicBaseUrl;

  ServiceClient(EventBus bus, long timeoutMs, String publicBaseUrl) {
    this.bus = bus;
    this.timeoutMs = timeoutMs;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Absolute URL of a tenant's SCIM endpoint, e.g. {@code https://host/scim/v2/t1}. */
  String tenantBaseUrl(String tenant) {
    return publicBaseUrl + "/scim/v2/" + tenant;
  }

  /** A request carrying the tenant's base URL and no query parameters; callers add the rest. */
  ServiceRequest request(String address, String action, String tenant, String requestId) {
    JsonObject payload = new JsonObject()
        .put(RequestFields.BASE_URL, tenantBaseUrl(tenant))
        .put(RequestFields.QUERY, new JsonObject());
    return new ServiceRequest(address, action, tenant, requestId, payload);
  }

  /**
   * The service's reply; fails with the bus failure, which {@link io.scimbus.contract.BusErrors} turns into SCIM.
   * The request carries the moment this gateway stops waiting, so that the service gives up first.
   */
  Future<ScimReply> send(ServiceRequest request) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMs)
        .addHeader(BusHeaders.DEADLINE, Long.toString(System.currentTimeMillis() + timeoutMs))
        .addHeader(BusHeaders.ACTION, request.action())
        .addHeader(BusHeaders.REQUEST_ID, request.requestId());
    // Admin requests about no tenant in particular (create, list) carry none.
    if (request.tenant() != null) {
      options.addHeader(BusHeaders.TENANT, request.tenant());
    }
    return bus.<JsonObject>request(request.address(), request.payload(), options)
        .map(message -> ScimReply.fromJson(message.body()));
  }
}
