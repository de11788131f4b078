package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnassignLatenciesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @Test
  void percentilesAreNearestRankOverTheSortedLatencies() {
    UnassignLatencies latencies = new UnassignLatencies(DEADLINE);
    List<Integer> values = new ArrayList<>(IntStream.rangeClosed(1, 200).boxed().toList());
    Collections.shuffle(values, new Random(12));
    values.forEach(v -> latencies.seen(v * 10.0));

    UnassignLatencies.Summary summary = latencies.summary();

    assertEquals(200, summary.deactivated());
    assertEquals(1000.0, summary.millisAt(50));
    assertEquals(1980.0, summary.millisAt(99));
    assertEquals(2000.0, summary.maxMillis());
    assertEquals(10.0, summary.millisAt(0.1), "the lowest rank is the smallest latency");
  }

  @Test
  void aSmallRunRoundsTheRankUp() {
    UnassignLatencies latencies = new UnassignLatencies(DEADLINE);
    List.of(120.5, 80.0, 95.25, 300.0, 101.0, 99.0, 410.0).forEach(latencies::seen);

    UnassignLatencies.Summary summary = latencies.summary();

    assertEquals(101.0, summary.millisAt(50), "rank ceil(3.5) = 4 of 7");
    assertEquals(120.5, summary.millisAt(60), "rank ceil(4.2) = 5 of 7, never rounded down to 4");
    assertEquals(410.0, summary.millisAt(99), "rank ceil(6.93) = 7 of 7");
    assertEquals(List.of(80.0, 95.25, 99.0, 101.0, 120.5, 300.0, 410.0), summary.seenMillis());
  }

  @Test
  void aUserStillAssignedAtTheDeadlineRanksAboveEveryOther() {
    UnassignLatencies latencies = new UnassignLatencies(DEADLINE);
    IntStream.rangeClosed(1, 99).forEach(v -> latencies.seen(v));
    latencies.missed("user-late");

    UnassignLatencies.Summary summary = latencies.summary();

    assertEquals(100, summary.deactivated());
    assertEquals(List.of("user-late"), summary.missed());
    assertEquals(50.0, summary.millisAt(50));
    assertEquals(99.0, summary.millisAt(99), "rank 99 of 100 is still a user that was seen");
    assertEquals(Double.POSITIVE_INFINITY, summary.maxMillis(), "the max is beyond the deadline, not 99 ms");
  }

  @Test
  void whenMoreThanOnePercentAreMissedTheP99IsBeyondTheDeadline() {
    UnassignLatencies latencies = new UnassignLatencies(DEADLINE);
    IntStream.rangeClosed(1, 97).forEach(v -> latencies.seen(v));
    List.of("a", "b", "c").forEach(latencies::missed);

    UnassignLatencies.Summary summary = latencies.summary();

    assertEquals(50.0, summary.millisAt(50));
    assertEquals(Double.POSITIVE_INFINITY, summary.millisAt(99));
    assertEquals(List.of("a", "b", "c"), summary.missed());
  }

  @Test
  void aFailedDeactivationIsCountedApartAndNotRanked() {
    UnassignLatencies latencies = new UnassignLatencies(DEADLINE);
    latencies.seen(40);
    latencies.seen(60);
    latencies.notDeactivated("user-refused");

    UnassignLatencies.Summary summary = latencies.summary();

    assertEquals(2, summary.deactivated());
    assertEquals(List.of("user-refused"), summary.notDeactivated());
    assertEquals(40.0, summary.millisAt(50));
    assertEquals(60.0, summary.maxMillis());
  }

  @Test
  void withNobodyDeactivatedThereIsNoFigure() {
    UnassignLatencies.Summary summary = new UnassignLatencies(DEADLINE).summary();

    assertEquals(0, summary.deactivated());
    assertTrue(Double.isNaN(summary.millisAt(50)));
    assertTrue(Double.isNaN(summary.maxMillis()));
  }
}
