package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void burstPassesThenTheRateRefills() {
    RateLimiter limiter = new RateLimiter(2, 4, now::get);
    for (int i = 0; i < 4; i++) {
      assertEquals(0, limiter.acquire("a"), "request " + i + " of the burst");
    }
    assertEquals(1, limiter.acquire("a"));
    now.addAndGet(SECOND / 2);
    assertEquals(0, limiter.acquire("a"), "half a second at 2/s refills one");
    assertEquals(1, limiter.acquire("a"));
  }

  @Test
  void retryAfterIsWholeSecondsAndAtLeastOne() {
    RateLimiter limiter = new RateLimiter(0.25, 1, now::get);
    assertEquals(0, limiter.acquire("a"));
    assertEquals(4, limiter.acquire("a"), "an empty bucket at 0.25/s needs 4 s for one request");
    now.addAndGet(3 * SECOND);
    assertEquals(1, limiter.acquire("a"));
    RateLimiter fast = new RateLimiter(1000, 1, now::get);
    assertEquals(0, fast.acquire("b"));
    assertEquals(1, fast.acquire("b"), "never Retry-After: 0");
  }

  @Test
  void aBulkCostsItsOperationsAndIsRefusedWholeWhenTheBucketCannotCoverIt() {
    RateLimiter limiter = new RateLimiter(10, 20, now::get);
    assertEquals(0, limiter.acquire("a", 15));
    assertEquals(1, limiter.acquire("a", 10), "5 left cannot cover 10; 0.5 s at 10/s would");
    assertEquals(0, limiter.acquire("a", 5), "the refused bulk took nothing");
    assertEquals(1, limiter.acquire("a"));
  }

  @Test
  void aBulkAboveTheBurstPassesOnAFullBucketAndLeavesADebt() {
    RateLimiter limiter = new RateLimiter(10, 20, now::get);
    assertEquals(0, limiter.acquire("a", 100), "more than the burst still passes when the bucket is full");
    assertEquals(9, limiter.acquire("a"), "80 owed plus one at 10/s");
    now.addAndGet(8 * SECOND);
    assertEquals(1, limiter.acquire("a"));
    now.addAndGet(SECOND / 10);
    assertEquals(0, limiter.acquire("a"));
    assertEquals(2, limiter.acquire("a", 20), "a full burst waits for a full bucket");
  }

  @Test
  void tenantsHaveTheirOwnBuckets() {
    RateLimiter limiter = new RateLimiter(1, 1, now::get);
    assertEquals(0, limiter.acquire("a"));
    assertEquals(1, limiter.acquire("a"));
    assertEquals(0, limiter.acquire("b"));
  }

  @Test
  void idleTenantsAreEvictedOnceTheirBucketIsFull() {
    RateLimiter limiter = new RateLimiter(10, 10, now::get);
    limiter.acquire("a");
    limiter.acquire("b");
    for (int i = 0; i < 10; i++) {
      limiter.acquire("c");
    }
    now.addAndGet(SECOND / 10);
    limiter.evictIdle();
    assertEquals(1, limiter.tenants(), "a and b refilled in 0.1 s; c still owes 9 tokens");
    now.addAndGet(SECOND);
    limiter.evictIdle();
    assertEquals(0, limiter.tenants());
  }

  @Test
  void theNumberOfBucketsIsBounded() {
    RateLimiter limiter = new RateLimiter(1, 1, now::get);
    for (int i = 0; i < RateLimiter.MAX_TENANTS + 10; i++) {
      limiter.acquire("t" + i);
    }
    assertEquals(RateLimiter.MAX_TENANTS, limiter.tenants());
  }
}
