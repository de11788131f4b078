package io.scimbus.devstack;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls for something that arrives asynchronously (Kafka, bus broadcasts) instead of sleeping a fixed time; the
 * tests of every module wait with it.
 */
public final class Eventually {
  private static final long POLL_MS = 50;

  private Eventually() {
  }

  /** The first value of {@code probe} that satisfies {@code done}; fails after {@code patience} with the last one. */
  public static <T> T await(Duration patience, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + patience.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + patience.toMillis() + " ms; last: " + last);
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = probe.get();
    }
    return last;
  }
}
