package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksFileTest {
  private static final String RESULTS_START = BenchmarksFile.start(BenchmarksFile.RESULTS);
  private static final String RESULTS_END = BenchmarksFile.end(BenchmarksFile.RESULTS);
  private static final String NOISY_START = BenchmarksFile.start(BenchmarksFile.NOISY_NEIGHBOUR);
  private static final String NOISY_END = BenchmarksFile.end(BenchmarksFile.NOISY_NEIGHBOUR);

  @TempDir
  Path dir;

  @Test
  void replacesOnlyWhatLiesBetweenTheMarkers() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# Hand\nmethod\n" + RESULTS_START + "\nold figures\n" + RESULTS_END + "\nafter\n");

    BenchmarksFile.rewrite(file, BenchmarksFile.RESULTS, "new figures\n");

    assertEquals("# Hand\nmethod\n" + RESULTS_START + "\nnew figures\n" + RESULTS_END + "\nafter\n",
        Files.readString(file));
  }

  @Test
  void rewritingOneSectionKeepsTheOther() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, RESULTS_START + "\nfull run\n" + RESULTS_END + "\nhand\n" + NOISY_START + "\nold\n"
        + NOISY_END + "\n");

    BenchmarksFile.rewrite(file, BenchmarksFile.NOISY_NEIGHBOUR, "quiet and noisy\n");

    assertEquals(RESULTS_START + "\nfull run\n" + RESULTS_END + "\nhand\n" + NOISY_START + "\nquiet and noisy\n"
        + NOISY_END + "\n", Files.readString(file));
  }

  @Test
  void refusesAFileWithoutMarkers() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# Hand-written only\n");

    assertThrows(IllegalStateException.class, () -> BenchmarksFile.rewrite(file, BenchmarksFile.RESULTS, "figures"));
  }
}
