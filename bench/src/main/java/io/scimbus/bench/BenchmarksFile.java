package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rewrites only what lies between the results markers of BENCHMARKS.md; the hand-written rest is kept. */
final class BenchmarksFile {
  static final String START = "<!-- results:start -->";
  static final String END = "<!-- results:end -->";

  private BenchmarksFile() {
  }

  static void rewrite(Path file, String results) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + START + "\n" + END + "\n";
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException(file + " lacks the markers " + START + " and " + END);
    }
    Files.writeString(file, text.substring(0, start + START.length()) + "\n" + results + text.substring(end));
  }
}
