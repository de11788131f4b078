package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer comparison's table: what counts as a sustained lookup rate, CPU per request, and the ratios. */
class PeerReportTest {
  private static final String SYNC = Phase.UNIT_PREFIX + "user";
  private static final List<Usage> JVM_CPU = List.of(new Usage("scimbus JVM", 2.0, 0, 400),
      new Usage("postgresql", 1.0, 0, 900));

  @Test
  void theSustainedRateIsTheLastStepBeforeTheFirstMissAndNotALaterLuckyOne() {
    List<PeerReport.Step> ladder = List.of(step(10, 5, 0), step(25, 8, 0), step(50, 80, 0), step(100, 9, 0));

    assertEquals(25, PeerReport.sustained(ladder).rate());
    assertNull(PeerReport.sustained(List.of(step(10, 70, 0))), "even the first rate missed");
    assertNull(PeerReport.sustained(List.of(step(10, 1, 1))), "a failed lookup misses the goal however fast");
  }

  @Test
  void cpuPerRequestCountsEveryServerProcessButNotTheLoadGenerator() {
    WorkloadResult sync = sync(100, 10, 2, List.of(new Usage("scimbus JVM", 1.5, 0, 400),
        new Usage("postgresql", 0.5, 0, 900), new Usage("kafka", 0.2, 0, 300), new Usage("load generator", 3, 0, 200)));

    assertEquals(22.0, PeerReport.cpuMillisPer(sync, SYNC), 1e-9, "(1.5 + 0.5 + 0.2) s / 100 syncs");
    assertEquals(400, PeerReport.serverRssMiB(sync), 1e-9, "the server's JVM only");
  }

  @Test
  void theTableShowsEachRunInOrderAndTheRatiosOfTheMeans() {
    PeerReport.Runs scimbus = new PeerReport.Runs(PeerReport.SCIMBUS,
        List.of(sync(400, 2, 1, JVM_CPU), sync(600, 2, 1, JVM_CPU)), List.of(0.2, 0.05),
        List.of(List.of(step(800, 5, 0), step(1600, 60, 0)), List.of(step(800, 5, 0))));
    PeerReport.Runs keycloak = new PeerReport.Runs(PeerReport.KEYCLOAK,
        List.of(sync(100, 2, 10, List.of()), sync(100, 2, 30, List.of())), List.of(0.0, 0.0),
        List.of(List.of(step(10, 20, 0), step(25, 90, 0)), List.of(step(10, 70, 0))));

    String table = PeerReport.render(new PeerReport.Run("", "2026-12-02T17:00:00Z", "1 min 0 s", "2 cores",
        "1.00 1.00 1.00", "2.00 2.00 2.00", "quiet", "2000 users", List.of(scimbus, keycloak)));

    assertTrue(table.contains("| Entra sync: user syncs/s | 200 and 300 | 50 and 50 | 5.0× |"), table);
    assertTrue(table.contains(" | 800 and 800 | 10 and under 10 | 160.0× |"), table);
    assertTrue(table.contains("share of the server JVMs' CPU during the sync, % | 10.0 and 2.5 | 0.0 and 0.0 |"),
        table);
    assertTrue(table.contains("Load average when the run started: 1.00 1.00 1.00"), table);
  }

  @Test
  void aPeerThatMissesTheFirstRateIsBoundedByItNotShownAsNoRatio() {
    PeerReport.Runs scimbus = new PeerReport.Runs(PeerReport.SCIMBUS, List.of(sync(400, 2, 1, JVM_CPU)),
        List.of(0.1), List.of(List.of(step(800, 5, 0), step(1600, 60, 0))));
    PeerReport.Runs keycloak = new PeerReport.Runs(PeerReport.KEYCLOAK, List.of(sync(100, 2, 10, List.of())),
        List.of(0.0), List.of(List.of(step(10, 90, 0))));

    String table = PeerReport.render(new PeerReport.Run("", "2026-12-03T13:00:00Z", "1 min 0 s", "2 cores",
        "0.00 0.00 0.00", "1.00 1.00 1.00", "quiet", "2000 users", List.of(scimbus, keycloak)));

    assertTrue(table.contains(" ms, /s | 800 | under 10 | > 80.0× |"), table);
    assertTrue(table.contains("| lookup p50 / p99 ms at that rate | 5.0 / 5.0 | – |"), table);
  }

  /** {@code units} user syncs of {@code millis} each over {@code seconds}; what the processes used. */
  private static WorkloadResult sync(int units, double seconds, double millis, List<Usage> usage) {
    Recorder recorder = new Recorder();
    for (int i = 0; i < units; i++) {
      recorder.op(SYNC).record((long) (millis * 1000), 200, null);
    }
    recorder.phaseTook("user", seconds);
    return new WorkloadResult("where", "entra-initial-sync", "", "64 concurrent", seconds, recorder, usage);
  }

  /** Lookups at {@code rate}/s, each {@code millis} long, {@code failed} of them non-2xx. */
  private static PeerReport.Step step(int rate, double millis, int failed) {
    Recorder recorder = new Recorder();
    for (int i = 0; i < 100; i++) {
      recorder.op(PeerReport.LOOKUP_OP).record((long) (millis * 1000), i < failed ? 500 : 200, "boom");
    }
    return new PeerReport.Step(rate, new WorkloadResult("where", "lookup", "", rate + " requests/s", 1, recorder,
        List.of()));
  }
}
