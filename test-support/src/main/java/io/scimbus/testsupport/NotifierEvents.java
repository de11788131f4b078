package io.scimbus.testsupport;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusHeaders;
import io.scimbus.devstack.Eventually;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events notifier-service consumed for a tenant, asked over the clustered bus. Events arrive through Kafka,
 * asynchronously, so the awaiting methods poll until the expected ones are there.
 */
public final class NotifierEvents {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ScimbusCluster cluster;
  private final String tenant;

  public NotifierEvents(ScimbusCluster cluster, String tenant) {
    this.cluster = cluster;
    this.tenant = tenant;
  }

  /** The first event about {@code resourceId}. */
  public JsonObject await(String resourceId) {
    return awaitAll(resourceId, 1).get(0);
  }

  /** The first {@code n} events about {@code resourceId}, in version order. */
  public List<JsonObject> awaitAll(String resourceId, int n) {
    return Eventually.await(PATIENCE, () -> about(resourceId), found -> found.size() >= n).subList(0, n);
  }

  /** Every event of the tenant notifier-service has recorded so far (up to its page of 1,000), in arrival order. */
  public List<JsonObject> all() {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(BusHeaders.ACTION, Actions.EVENTS)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, "test");
    JsonObject reply = cluster.member(ScimbusCluster.GATEWAY).vertx().eventBus()
        .<JsonObject>request(BusAddresses.NOTIFIER, new JsonObject(), options).await().body();
    JsonArray events = reply.getJsonObject("body").getJsonArray("events");
    List<JsonObject> all = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      all.add(events.getJsonObject(i));
    }
    return all;
  }

  private List<JsonObject> about(String resourceId) {
    List<JsonObject> matching = new ArrayList<>();
    for (JsonObject event : all()) {
      if (resourceId.equals(event.getString("resourceId"))) {
        matching.add(event);
      }
    }
    // Arrival order is the resource's version order only per partition; the version says it whatever the listing.
    matching.sort(Comparator.comparingLong(event -> event.getLong("version")));
    return matching;
  }
}
