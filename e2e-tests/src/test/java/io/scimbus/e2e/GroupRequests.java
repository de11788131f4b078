package io.scimbus.e2e;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusHeaders;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Request bodies and look-ups the group tests share. */
final class GroupRequests {
  static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private GroupRequests() {
  }

  static JsonObject group(String displayName, String... memberIds) {
    JsonObject group = new JsonObject()
        .put("schemas", new JsonArray().add(GROUP))
        .put("displayName", displayName);
    if (memberIds.length > 0) {
      group.put("members", members(List.of(memberIds)));
    }
    return group;
  }

  static JsonArray members(Collection<String> ids) {
    JsonArray members = new JsonArray();
    ids.forEach(id -> members.add(new JsonObject().put("value", id)));
    return members;
  }

  static JsonObject patch(JsonObject... operations) {
    JsonArray list = new JsonArray();
    for (JsonObject operation : operations) {
      list.add(operation);
    }
    return new JsonObject().put("schemas", new JsonArray().add(PATCH_OP)).put("Operations", list);
  }

  static JsonObject op(String op, String path, Object value) {
    JsonObject operation = new JsonObject().put("op", op);
    if (path != null) {
      operation.put("path", path);
    }
    if (value != null) {
      operation.put("value", value);
    }
    return operation;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The member ids of a group representation; none when it has no members attribute. */
  static Set<String> memberIds(JsonObject group) {
    Set<String> ids = new HashSet<>();
    JsonArray members = group.getJsonArray("members");
    if (members != null) {
      members.forEach(member -> ids.add(((JsonObject) member).getString("value")));
    }
    return ids;
  }

  /** Asks notifier-service until it has consumed an event of {@code resourceId} that {@code wanted} accepts. */
  static JsonObject awaitEvent(ScimbusCluster cluster, String tenant, String resourceId, Predicate<JsonObject> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(BusHeaders.ACTION, Actions.EVENTS)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, "test");
    while (System.nanoTime() < deadline) {
      JsonObject reply = cluster.member(ScimbusCluster.GATEWAY).vertx().eventBus()
          .<JsonObject>request(BusAddresses.NOTIFIER, new JsonObject(), options).await().body();
      for (Object event : reply.getJsonObject("body").getJsonArray("events")) {
        JsonObject json = (JsonObject) event;
        if (resourceId.equals(json.getString("resourceId")) && wanted.test(json)) {
          return json;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no matching event for " + resourceId + " within 30 s");
  }
}
