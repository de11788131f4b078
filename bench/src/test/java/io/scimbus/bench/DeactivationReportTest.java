package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeactivationReportTest {
  @Test
  void aUserWhoseDevicesStayedAssignedIsCountedAndNamed() {
    UnassignLatencies latencies = new UnassignLatencies(Duration.ofSeconds(30));
    latencies.seen(40);
    latencies.seen(60);
    latencies.missed("user-late");

    String report = DeactivationReport.render(run(latencies.summary()));

    assertTrue(report.contains("| 3 | 2 | **1** | 0 | 60.0 | > 30 s | > 30 s |"), report);
    assertTrue(report.contains("Still assigned after 30 s (user ids): user-late."), report);
  }

  @Test
  void aRunWhereEveryDeviceWasUnassignedListsNobody() {
    UnassignLatencies latencies = new UnassignLatencies(Duration.ofSeconds(30));
    latencies.seen(40);
    latencies.seen(60);

    String report = DeactivationReport.render(run(latencies.summary()));

    assertTrue(report.contains("| 2 | 2 | 0 | 0 | 40.0 | 60.0 | 60.0 |"), report);
    assertFalse(report.contains("Still assigned after"), report);
  }

  private static DeactivationReport.Run run(UnassignLatencies.Summary summary) {
    WorkloadResult deactivations = new WorkloadResult(ScimbusRuns.ONE_JVM, "mdm-deactivations", "", "10 units/s", 1,
        new Recorder(), List.of());
    WorkloadResult background = new WorkloadResult(ScimbusRuns.ONE_JVM, "entra-initial-sync", "", "64 concurrent", 1,
        new Recorder(), List.of());
    return new DeactivationReport.Run("", "2026-12-03T14:00:00Z", "1 min 0 s", "2 cores", "0.10 0.20 0.30",
        "0.40 0.50 0.60", "quiet", "deactivation-users 2", 3, 2, 10, Duration.ofMillis(20), summary, deactivations,
        background);
  }
}
