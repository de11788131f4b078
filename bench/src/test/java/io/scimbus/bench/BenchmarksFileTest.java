package io.scimbus.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksFileTest {
  @TempDir
  Path dir;

  @Test
  void replacesOnlyWhatLiesBetweenTheMarkers() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# Hand\nmethod\n" + BenchmarksFile.START + "\nold figures\n" + BenchmarksFile.END
        + "\nafter\n");

    BenchmarksFile.rewrite(file, "new figures\n");

    assertEquals("# Hand\nmethod\n" + BenchmarksFile.START + "\nnew figures\n" + BenchmarksFile.END + "\nafter\n",
        Files.readString(file));
  }

  @Test
  void refusesAFileWithoutMarkers() throws Exception {
    Path file = dir.resolve("BENCHMARKS.md");
    Files.writeString(file, "# Hand-written only\n");

    assertThrows(IllegalStateException.class, () -> BenchmarksFile.rewrite(file, "figures"));
  }
}
