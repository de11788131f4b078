package io.scimbus.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
  @Test
  void waitsFollowTheScheduleWithUpToAFifthMoreAndThenStop() {
    RetrySchedule schedule = RetrySchedule.parse("0, 5s, 5m, 30m, 2h, 5h, 10h, 10h");
    assertEquals(8, schedule.attempts());
    assertEquals(Optional.of(Duration.ofSeconds(5)).map(d -> true), schedule.after(1).map(d ->
        d.compareTo(Duration.ofSeconds(5)) >= 0 && d.compareTo(Duration.ofSeconds(6)) <= 0));
    Duration wait = schedule.after(7).orElseThrow();
    assertTrue(wait.compareTo(Duration.ofHours(10)) >= 0 && wait.compareTo(Duration.ofHours(12)) <= 0, wait::toString);
    assertEquals(Optional.empty(), schedule.after(8));
    assertEquals(Duration.ofHours(10), schedule.longest());
  }

  @Test
  void durationsTakeTheirUnitsAndBareNumbersAreMilliseconds() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofMillis(40), Durations.parse("40"));
    assertEquals(Duration.ofDays(5), Durations.parse("5d"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse("5 weeks"));
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));
  }
}
