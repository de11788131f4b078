package io.scimbus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  private static final Duration QUICK_DEATH = Duration.ofSeconds(2);

  private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofSeconds(60));

  @Test
  void deathsInARowDoubleTheDelayUpToTheMaximum() {
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      delays.add(backoff.afterDeath(QUICK_DEATH).toSeconds());
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), delays);
  }

  @Test
  void aChildThatRanForTheStablePeriodIsRestartedAtOnceAgain() {
    for (int i = 0; i < 5; i++) {
      backoff.afterDeath(QUICK_DEATH);
    }
    assertEquals(Duration.ofSeconds(1), backoff.afterDeath(Duration.ofSeconds(60)));
    assertEquals(Duration.ofSeconds(2), backoff.afterDeath(QUICK_DEATH));
  }

  @Test
  void aChildThatDiedJustBeforeTheStablePeriodKeepsBackingOff() {
    backoff.afterDeath(QUICK_DEATH);
    assertEquals(Duration.ofSeconds(2), backoff.afterDeath(Duration.ofSeconds(59)));
  }

  @Test
  void aCopyStartsFromTheInitialDelay() {
    backoff.afterDeath(QUICK_DEATH);
    backoff.afterDeath(QUICK_DEATH);
    assertEquals(Duration.ofSeconds(1), backoff.copy().afterDeath(QUICK_DEATH));
  }

  @Test
  void aDelayNeverOverflowsAfterManyDeaths() {
    for (int i = 0; i < 10_000; i++) {
      backoff.afterDeath(QUICK_DEATH);
    }
    assertEquals(Duration.ofSeconds(30), backoff.afterDeath(QUICK_DEATH));
  }

  @Test
  void aSignalDeathNamesTheSignal() {
    assertEquals("exit code 137 (signal 9)", SupervisedChild.exitStatus(137));
    assertEquals("exit code 3", SupervisedChild.exitStatus(3));
  }
}
