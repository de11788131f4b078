package io.scimbus.policy.discovery;

import io.scimbus.contract.Actions;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** Answers the discovery actions (RFC 7644 §4) for the tenant named by the request. */
public final class DiscoveryActions {
  /** The RFC 7643 resource types; every tenant is served these until it has a profile of its own. */
  private static final List<ResourceSchema> RFC_RESOURCE_TYPES = List.of(ResourceSchema.users(), ResourceSchema.groups());

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(Actions.SERVICE_PROVIDER_CONFIG, answer(request -> documents(request).serviceProviderConfig(request.baseUrl())))
        .on(Actions.RESOURCE_TYPES, answer(request -> documents(unfiltered(request)).resourceTypes(request.baseUrl())))
        .on(Actions.RESOURCE_TYPE, answer(request -> documents(request).resourceType(request.id(), request.baseUrl())))
        .on(Actions.SCHEMAS, answer(request -> documents(unfiltered(request)).schemas(request.baseUrl())))
        .on(Actions.SCHEMA, answer(request -> documents(request).schema(request.id(), request.baseUrl())));
  }

  private static ActionRouter.Action answer(Function<BusRequest, JsonObject> document) {
    return request -> Future.succeededFuture(ScimReply.ok(document.apply(request), null));
  }

  private static DiscoveryDocuments documents(BusRequest request) {
    return new DiscoveryDocuments(RFC_RESOURCE_TYPES, ServiceFeatures.all(
        limit(request, RequestFields.MAX_BULK_OPERATIONS).intValue(),
        limit(request, RequestFields.MAX_PAYLOAD_BYTES),
        ListQuery.MAX_COUNT));
  }

  /** The gateway enforces these limits and sends them; discovery without them would have to guess. */
  private static Long limit(BusRequest request, String field) {
    Long value = request.payload().getLong(field);
    if (value == null) {
      throw ScimException.internal("discovery request without " + field);
    }
    return value;
  }

  /**
   * RFC 7644 §4: a filter on a discovery list SHOULD be refused with 403, so that a client never takes an
   * unfiltered list for a filtered one.
   */
  private static BusRequest unfiltered(BusRequest request) {
    if (request.query().getString("filter") != null) {
      throw ScimException.forbidden("discovery endpoints do not support filter");
    }
    return request;
  }
}
