package io.scimbus.policy.discovery;

import io.scimbus.contract.Actions;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.profile.DiscoverySchemas;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers the discovery actions (RFC 7644 §4) for the tenant named by the request, from its profile: the schemas
 * list what the profile accepts ({@link DiscoverySchemas}), and Group is listed only when the profile provisions
 * groups.
 */
public final class DiscoveryActions {
  private final Function<String, Future<TenantProfile>> profiles;

  public DiscoveryActions(Function<String, Future<TenantProfile>> profiles) {
    this.profiles = profiles;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(Actions.SERVICE_PROVIDER_CONFIG, answer((docs, request) -> docs.serviceProviderConfig(request.baseUrl())))
        .on(Actions.RESOURCE_TYPES, answer((docs, request) -> docs.resourceTypes(unfiltered(request).baseUrl())))
        .on(Actions.RESOURCE_TYPE, answer((docs, request) -> docs.resourceType(request.id(), request.baseUrl())))
        .on(Actions.SCHEMAS, answer((docs, request) -> docs.schemas(unfiltered(request).baseUrl())))
        .on(Actions.SCHEMA, answer((docs, request) -> docs.schema(request.id(), request.baseUrl())));
  }

  private ActionRouter.Action answer(BiFunction<DiscoveryDocuments, BusRequest, JsonObject> document) {
    return request -> profiles.apply(request.tenant())
        .map(profile -> ScimReply.ok(document.apply(documents(profile, request), request), null));
  }

  private static DiscoveryDocuments documents(TenantProfile profile, BusRequest request) {
    ResourceSchema users = DiscoverySchemas.describe(profile.userSchema(), profile.users());
    List<ResourceSchema> types = profile.groups().enabled()
        ? List.of(users, DiscoverySchemas.describe(profile.groupSchema(), profile.groups())) : List.of(users);
    return new DiscoveryDocuments(types, ServiceFeatures.all(
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
