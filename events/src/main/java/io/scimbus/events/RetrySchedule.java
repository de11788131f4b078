package io.scimbus.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before each attempt: entry {@code i} is the wait before attempt {@code i + 1} (the first is
 * usually 0, "immediately"), so the schedule's length is the number of attempts. Each wait gets up to
 * {@value #JITTER_PERCENT}% more at random, so that items that failed together do not retry together.
 */
public final class RetrySchedule {
  private static final int JITTER_PERCENT = 20;

  private final List<Duration> waits;

  public RetrySchedule(List<Duration> waits) {
    if (waits.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule needs at least one attempt");
    }
    this.waits = List.copyOf(waits);
  }

  /** From a comma-separated list such as {@code 0,5s,5m,30m,2h,5h,10h,10h}. */
  public static RetrySchedule parse(String text) {
    return new RetrySchedule(Arrays.stream(text.split(",")).map(Durations::parse).toList());
  }

  /** The wait before attempt {@code failedAttempt + 1}, jittered; empty when the schedule has no more attempts. */
  public Optional<Duration> after(int failedAttempt) {
    if (failedAttempt >= waits.size()) {
      return Optional.empty();
    }
    long ms = waits.get(failedAttempt).toMillis();
    long jitter = ms * JITTER_PERCENT / 100;
    return Optional.of(Duration.ofMillis(ms + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1))));
  }

  /** The longest wait, which also bounds how long a receiver's {@code Retry-After} is honoured. */
  public Duration longest() {
    return waits.stream().max(Duration::compareTo).orElseThrow();
  }

  public int attempts() {
    return waits.size();
  }
}
