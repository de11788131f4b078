package io.scimbus.launcher;

import java.time.Duration;

/**
 * How long to wait before restarting a child that died: {@code initial}, doubling with each death in a row up to
 * {@code max}, and back to {@code initial} once a child had run for {@code stablePeriod}, so a child that crashes at
 * start-up does not spin while one that ran for an hour and died is back at once.
 */
final class RestartBackoff {
  static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofSeconds(60));

  private final Duration initial;
  private final Duration max;
  private final Duration stablePeriod;
  private int deathsInARow;

  RestartBackoff(Duration initial, Duration max, Duration stablePeriod) {
    this.initial = initial;
    this.max = max;
    this.stablePeriod = stablePeriod;
  }

  /** A fresh policy with the same bounds, for another child. */
  RestartBackoff copy() {
    return new RestartBackoff(initial, max, stablePeriod);
  }

  /** The delay before the next start of a child that died after running for {@code uptime}. */
  synchronized Duration afterDeath(Duration uptime) {
    if (uptime.compareTo(stablePeriod) >= 0) {
      deathsInARow = 0;
    }
    Duration delay = initial;
    for (int i = 0; i < deathsInARow && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    deathsInARow++;
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
