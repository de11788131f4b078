package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.store.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tenant's dead letters in the admin API. Each service with a queue keeps its own table, so a list asks every
 * one of them (or the one named by {@code service}) and merges the answers newest failure first; a replay goes to
 * the service named in the URL.
 */
final class DeadLetterRoutes {
  private static final String SERVICE = "service";
  private static final String RESOURCES = "Resources";
  private static final String TOTAL = "totalResults";

  private final ServiceClient client;

  DeadLetterRoutes(ServiceClient client) {
    this.client = client;
  }

  void mount(Router router, String tenantPath) {
    router.get(tenantPath + "/dead-letters").handler(this::list);
    router.post(tenantPath + "/dead-letters/:service/:id/replay").handler(this::replay);
  }

  private void list(RoutingContext rc) {
    String only = rc.queryParams().get(SERVICE);
    Map<String, String> owners = new TreeMap<>(BusAddresses.DEAD_LETTER_OWNERS);
    if (only != null) {
      owners.keySet().retainAll(List.of(only));
      if (owners.isEmpty()) {
        rc.fail(ScimException.invalidValue(SERVICE + " must be one of "
            + String.join(", ", new TreeMap<>(BusAddresses.DEAD_LETTER_OWNERS).keySet())));
        return;
      }
    }
    int count = ListQuery.count(BusForwarder.query(rc));
    JsonObject payload = new JsonObject().put(RequestFields.QUERY,
        new JsonObject().put("count", Integer.toString(count)));
    List<String> services = new ArrayList<>(owners.keySet());
    List<Future<ScimReply>> replies = services.stream()
        .map(service -> client.send(new ServiceRequest(owners.get(service), Actions.DEAD_LETTERS,
            rc.pathParam("tenant"), RequestIdHandler.of(rc), payload.copy())))
        .toList();
    Future.all(replies).onSuccess(all -> {
      long total = 0;
      List<JsonObject> letters = new ArrayList<>();
      for (int i = 0; i < services.size(); i++) {
        JsonObject body = replies.get(i).result().body();
        total += body.getLong(TOTAL);
        JsonArray resources = body.getJsonArray(RESOURCES);
        for (int j = 0; j < resources.size(); j++) {
          letters.add(resources.getJsonObject(j).put(SERVICE, services.get(i)));
        }
      }
      letters.sort(Comparator.comparing((JsonObject letter) -> Instant.parse(letter.getString("lastFailedAt")))
          .reversed());
      JsonObject page = new JsonObject().put(TOTAL, total)
          .put(RESOURCES, new JsonArray(List.copyOf(letters.subList(0, Math.min(count, letters.size())))));
      rc.response().putHeader(HttpHeaders.CONTENT_TYPE, AdminRoutes.JSON).end(page.toBuffer());
    }).onFailure(rc::fail);
  }

  private void replay(RoutingContext rc) {
    String address = BusAddresses.DEAD_LETTER_OWNERS.get(rc.pathParam(SERVICE));
    if (address == null) {
      rc.fail(ScimException.notFound("no dead letters of service " + rc.pathParam(SERVICE)));
      return;
    }
    JsonObject payload = new JsonObject().put(RequestFields.ID, rc.pathParam("id"));
    client.send(new ServiceRequest(address, Actions.DEAD_LETTER_REPLAY, rc.pathParam("tenant"),
            RequestIdHandler.of(rc), payload))
        .onSuccess(reply -> rc.response().setStatusCode(reply.status()).end())
        .onFailure(rc::fail);
  }
}
