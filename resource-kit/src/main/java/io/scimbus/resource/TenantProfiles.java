package io.scimbus.resource;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.profile.ProfileDocument;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.runtime.Futures;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Each tenant's profile as a service needs it, asked of policy-service once and kept, turned into the service's own
 * rules by {@code derive} (normaliser, enforcer, SQL mapping...) once per load. A change published on
 * {@link BusAddresses#PROFILE_CHANGED} drops the tenant's entry at once; entries also expire after
 * {@link #MAX_AGE_MS}, in case a broadcast was missed. Confined to the owning verticle's event loop.
 */
public final class TenantProfiles<T> {
  static final long MAX_AGE_MS = 60_000;
  private static final int MAX_TENANTS = 10_000;
  private static final long REQUEST_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final Function<TenantProfile, T> derive;
  private final Map<String, Entry<T>> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
      return size() > MAX_TENANTS;
    }
  };
  private MessageConsumer<Object> changes;

  public TenantProfiles(Vertx vertx, Function<TenantProfile, T> derive) {
    this.vertx = vertx;
    this.derive = derive;
  }

  /** Listens for profile changes; the future completes once the listener reached the cluster. */
  public Future<Void> start() {
    changes = vertx.eventBus().consumer(BusAddresses.PROFILE_CHANGED,
        message -> cache.remove(message.headers().get(BusHeaders.TENANT)));
    return changes.completion();
  }

  public Future<Void> stop() {
    return changes == null ? Future.succeededFuture() : changes.unregister();
  }

  /** The tenant's derived rules; fails with the SCIM error policy-service gave (404 unknown tenant, 503 down). */
  public Future<T> of(String tenant, String requestId) {
    Entry<T> entry = cache.get(tenant);
    long now = System.currentTimeMillis();
    if (entry != null && now - entry.loadedAt() < MAX_AGE_MS) {
      return Futures.onCallerContext(entry.rules());
    }
    Future<T> rules = load(tenant, requestId);
    cache.put(tenant, new Entry<>(rules, now));
    // A failed load must not be served from the cache: the next request asks again.
    rules.onFailure(e -> cache.remove(tenant));
    return rules;
  }

  private Future<T> load(String tenant, String requestId) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(REQUEST_TIMEOUT_MS)
        .addHeader(BusHeaders.ACTION, Actions.PROFILE)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, requestId == null ? "" : requestId);
    return vertx.eventBus().<JsonObject>request(BusAddresses.POLICY, new JsonObject(), options)
        .recover(failure -> Future.failedFuture(BusErrors.toScim(failure)))
        .map(reply -> derive.apply(ProfileDocument.parse(PlainJson.map(ScimReply.fromJson(reply.body()).body()))));
  }

  private record Entry<T>(Future<T> rules, long loadedAt) {
  }
}
