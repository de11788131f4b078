package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites only what lies between one section's markers of BENCHMARKS.md ({@code <!-- results:start -->} and
 * {@code <!-- results:end -->}, say); the hand-written rest and the other sections are kept.
 */
final class BenchmarksFile {
  static final String RESULTS = "results";
  static final String NOISY_NEIGHBOUR = "noisy-neighbour";
  static final String WEBHOOKS = "webhooks";
  static final String DEACTIVATION = "deactivation";
  static final String PEER = "peer";

  private BenchmarksFile() {
  }

  static String start(String section) {
    return "<!-- " + section + ":start -->";
  }

  static String end(String section) {
    return "<!-- " + section + ":end -->";
  }

  static void rewrite(Path file, String section, String results) throws IOException {
    String start = start(section);
    String end = end(section);
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + start + "\n" + end + "\n";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException(file + " lacks the markers " + start + " and " + end);
    }
    Files.writeString(file, text.substring(0, from + start.length()) + "\n" + results + text.substring(to));
  }
}
