package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.RequestFields;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Discovery endpoints (RFC 7644 §4), answered by policy-service, which owns what each tenant supports. The gateway
 * adds the limits it enforces itself so that {@code ServiceProviderConfig} states them exactly.
 */
final class DiscoveryRoutes {
  private final BusForwarder forwarder;
  private final long maxPayloadBytes;

  DiscoveryRoutes(BusForwarder forwarder, long maxPayloadBytes) {
    this.forwarder = forwarder;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  void mount(Router router) {
    router.get(ScimMedia.SCIM_PREFIX + "/ServiceProviderConfig").handler(RouteTemplate::remember)
        .handler(rc -> forward(rc, Actions.SERVICE_PROVIDER_CONFIG));
    router.get(ScimMedia.SCIM_PREFIX + "/ResourceTypes").handler(RouteTemplate::remember)
        .handler(rc -> forward(rc, Actions.RESOURCE_TYPES));
    router.get(ScimMedia.SCIM_PREFIX + "/ResourceTypes/:id").handler(RouteTemplate::remember)
        .handler(rc -> forward(rc, Actions.RESOURCE_TYPE));
    router.get(ScimMedia.SCIM_PREFIX + "/Schemas").handler(RouteTemplate::remember)
        .handler(rc -> forward(rc, Actions.SCHEMAS));
    router.get(ScimMedia.SCIM_PREFIX + "/Schemas/:id").handler(RouteTemplate::remember)
        .handler(rc -> forward(rc, Actions.SCHEMA));
  }

  private void forward(RoutingContext rc, String action) {
    forwarder.send(rc, forwarder.request(rc, BusAddresses.POLICY, action, false)
        .with(RequestFields.MAX_PAYLOAD_BYTES, maxPayloadBytes)
        .with(RequestFields.MAX_BULK_OPERATIONS, BulkHandler.MAX_OPERATIONS));
  }
}
