package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.RequestFields;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.TokensRevoked;
import io.scimbus.runtime.Futures;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Whether a token id is active, without a database round trip per request. A miss asks policy-service
 * ({@link Actions#TOKEN_STATUS}); revocations arrive on {@link BusAddresses#TOKENS_REVOKED} and apply at once; a
 * cached "active" older than the TTL is asked again, which bounds a missed broadcast to the TTL. When
 * policy-service cannot answer, tokens known to be active keep working and unknown ones get 503, so an outage of
 * policy-service never locks out IdPs that are already provisioning. Used from one event loop only.
 */
final class TokenStatusCache {
  static final int MAX_ENTRIES = 100_000;

  private final EventBus bus;
  private final long ttlNanos;
  private final long timeoutMs;
  private final LongSupplier nanoClock;
  private final Map<String, Future<Boolean>> inFlight = new HashMap<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  TokenStatusCache(EventBus bus, long ttlSeconds, long timeoutMs, LongSupplier nanoClock) {
    this.bus = bus;
    this.ttlNanos = ttlSeconds * 1_000_000_000L;
    this.timeoutMs = timeoutMs;
    this.nanoClock = nanoClock;
  }

  Future<Boolean> isActive(String tenant, String tokenId) {
    String key = key(tenant, tokenId);
    Entry cached = entries.get(key);
    if (cached == null) {
      return lookup(tenant, tokenId);
    }
    if (!cached.active()) {
      return Future.succeededFuture(false);
    }
    if (nanoClock.getAsLong() - cached.checkedAt() < ttlNanos) {
      return Future.succeededFuture(true);
    }
    return lookup(tenant, tokenId).recover(unavailable -> {
      // Trust it for another TTL rather than asking on every request while policy-service is away.
      store(key, true);
      return Future.succeededFuture(true);
    });
  }

  /** Applies a revocation broadcast; kept as a revoked entry so a lookup already in flight cannot resurrect it. */
  void revoked(TokensRevoked revocation) {
    for (String tokenId : revocation.tokenIds()) {
      entries.put(key(revocation.tenant(), tokenId), new Entry(false, nanoClock.getAsLong()));
    }
  }

  int size() {
    return entries.size();
  }

  private Future<Boolean> lookup(String tenant, String tokenId) {
    String key = key(tenant, tokenId);
    Future<Boolean> pending = inFlight.get(key);
    if (pending != null) {
      return Futures.onCallerContext(pending);
    }
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMs)
        .addHeader(BusHeaders.ACTION, Actions.TOKEN_STATUS)
        .addHeader(BusHeaders.TENANT, tenant);
    Future<Boolean> lookup = bus.<JsonObject>request(BusAddresses.POLICY,
            new JsonObject().put(RequestFields.ID, tokenId), options)
        .map(reply -> ScimReply.fromJson(reply.body()).body().getBoolean("active", false))
        .map(active -> {
          Entry now = entries.get(key);
          boolean revokedMeanwhile = now != null && !now.active();
          store(key, active && !revokedMeanwhile);
          return active && !revokedMeanwhile;
        })
        .recover(failure -> Future.failedFuture(BusErrors.toScim(failure)))
        .onComplete(done -> inFlight.remove(key));
    inFlight.put(key, lookup);
    return lookup;
  }

  private void store(String key, boolean active) {
    entries.put(key, new Entry(active, nanoClock.getAsLong()));
  }

  private static String key(String tenant, String tokenId) {
    return tenant + "/" + tokenId;
  }

  private record Entry(boolean active, long checkedAt) {
  }
}
