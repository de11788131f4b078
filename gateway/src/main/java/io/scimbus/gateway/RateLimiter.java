package io.scimbus.gateway;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per tenant: {@code burst} requests at once, refilled at {@code perSecond}. Buckets live in this
 * gateway replica only, so the effective limit of a tenant is the per-replica limit times the replicas its requests
 * spread over: a shared counter would put a network round trip on every request. Memory is bounded: a bucket that
 * refilled completely is indistinguishable from a new one, so {@link #evictIdle()} drops it, and at most
 * {@link #MAX_TENANTS} buckets are kept (least recently used go first). Used from one event loop only.
 */
final class RateLimiter {
  static final int MAX_TENANTS = 50_000;
  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_TENANTS;
    }
  };

  RateLimiter(double perSecond, double burst, LongSupplier nanoClock) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst >= 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /** Takes one request from the tenant's bucket: 0 when allowed, otherwise the whole seconds to wait (at least 1). */
  long acquire(String tenant) {
    return acquire(tenant, 1);
  }

  /**
   * Takes {@code cost} requests (a bulk request's operations) at once, or nothing: 0 when allowed, otherwise the
   * whole seconds to wait. A request passes once the bucket holds {@code min(cost, burst)}, and then takes all of
   * {@code cost}, so the balance may go below zero: a cost above the burst is always admissible eventually, and the
   * debt is repaid at the sustained rate before the tenant's next request passes.
   */
  long acquire(String tenant, int cost) {
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(tenant, t -> new Bucket(burst, now));
    bucket.refill(now);
    double needed = Math.min(cost, burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((needed - bucket.tokens) / perSecond));
  }

  /** Drops the buckets that are full again. */
  void evictIdle() {
    long now = nanoClock.getAsLong();
    for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
      Bucket bucket = it.next();
      bucket.refill(now);
      if (bucket.tokens >= burst) {
        it.remove();
      }
    }
  }

  int tenants() {
    return buckets.size();
  }

  private final class Bucket {
    private double tokens;
    private long updatedAt;

    private Bucket(double tokens, long updatedAt) {
      this.tokens = tokens;
      this.updatedAt = updatedAt;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - updatedAt) / NANOS_PER_SECOND * perSecond);
      updatedAt = now;
    }
  }
}
