package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusErrors;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /.search} at the tenant root (RFC 7644 §3.4.3): one SearchRequest over every resource type, answered
 * as one ListResponse whose resources are the tenant's matching Users followed by its matching Groups. Paging runs
 * over that concatenation: {@code totalResults} is the sum, and the page takes Users from {@code startIndex} and
 * fills up with Groups. Each service runs the same filter, projection and sort over its own type. A type for which
 * the filter names no attribute (400 {@code invalidFilter} from its service) contributes nothing, as such a filter
 * matches none of its resources; only when it is invalid for every type is the search refused. Groups are not
 * searched when the tenant's profile turns them off.
 */
final class RootSearchHandler implements Handler<RoutingContext> {
  private final ServiceClient client;

  RootSearchHandler(ServiceClient client) {
    this.client = client;
  }

  @Override
  public void handle(RoutingContext rc) {
    JsonObject search = JsonBody.of(rc);
    JsonObject paging = new JsonObject();
    for (String key : new String[] {"startIndex", "count"}) {
      if (search.getValue(key) != null) {
        paging.put(key, search.getValue(key).toString());
      }
    }
    int startIndex = ListQuery.startIndex(paging);
    int count = ListQuery.count(paging);
    String tenant = rc.get(BearerAuthHandler.TENANT_KEY);
    String requestId = RequestIdHandler.of(rc);
    page(BusAddresses.USERS, tenant, requestId, search, startIndex, count).compose(users -> {
      long groupsStart = Math.max(1, startIndex - users.totalResults());
      int groupsCount = count - users.resources().size();
      return page(BusAddresses.GROUPS, tenant, requestId, search, (int) groupsStart, groupsCount)
          .map(groups -> merge(users, groups, startIndex));
    }).onSuccess(body -> ReplyWriter.write(rc.response(), ScimReply.ok(body, null))).onFailure(rc::fail);
  }

  private Future<Page> page(String address, String tenant, String requestId, JsonObject search, int startIndex,
      int count) {
    JsonObject body = search.copy().put("startIndex", startIndex).put("count", count);
    return client.send(client.request(address, Actions.LIST, tenant, requestId).with(RequestFields.BODY, body))
        .map(reply -> new Page(reply.body().getLong("totalResults", 0L), reply.body().getJsonArray("Resources",
            new JsonArray()), null))
        .recover(failure -> {
          ScimException error = BusErrors.toScim(failure);
          if (error.status() == 403 && BusAddresses.GROUPS.equals(address)) {
            return Future.succeededFuture(Page.NOT_SEARCHED);
          }
          if ("invalidFilter".equals(error.scimType())) {
            return Future.succeededFuture(new Page(0, new JsonArray(), error));
          }
          return Future.failedFuture(error);
        });
  }

  private static JsonObject merge(Page users, Page groups, int startIndex) {
    if (users.refused() != null && (groups.refused() != null || groups == Page.NOT_SEARCHED)) {
      throw users.refused();
    }
    JsonArray resources = users.resources().copy().addAll(groups.resources());
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.LIST_RESPONSE))
        .put("totalResults", users.totalResults() + groups.totalResults())
        .put("startIndex", startIndex)
        .put("itemsPerPage", resources.size())
        .put("Resources", resources);
  }

  /** One type's share: its total, its resources on the page, or the filter error that made it match nothing. */
  private record Page(long totalResults, JsonArray resources, ScimException refused) {
    static final Page NOT_SEARCHED = new Page(0, new JsonArray(), null);
  }
}
