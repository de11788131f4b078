package io.scimbus.bench;

import java.time.Duration;

/** Bounds a run in requests and in time: whichever runs out first stops it. */
public final class Budget {
  private final long maxRequests;
  private final long deadlineNanos;
  private long issued;
  private boolean spent;

  public Budget(long maxRequests, Duration maxTime) {
    this.maxRequests = maxRequests;
    this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
  }

  /** Takes one request from the budget; false once requests or time are spent. */
  public synchronized boolean take() {
    if (exhausted()) {
      return false;
    }
    issued++;
    return true;
  }

  public synchronized boolean exhausted() {
    return spent || issued >= maxRequests || System.nanoTime() >= deadlineNanos;
  }

  /** Ends the run early: no further request is taken. */
  public synchronized void spend() {
    spent = true;
  }
}
