package io.scimbus.bench;

import java.util.List;
import java.util.Locale;

/** The Markdown a report writes into BENCHMARKS.md, and the number formats every report shares. */
final class Markdown {
  private final StringBuilder out = new StringBuilder();

  void line(String text) {
    out.append(text).append('\n');
  }

  void row(String... cells) {
    line("| " + String.join(" | ", cells) + " |");
  }

  /** Each process's cores during a workload ({@code during} names it) and its RSS at the end. */
  void usage(String during, List<Usage> usage) {
    line("| process | cores " + during + " | RSS MiB at the end |");
    line("|---|---:|---:|");
    usage.forEach(u -> row(u.process(), fmt("%.2f", u.cores()), fmt("%.0f", u.rssMiB())));
    line("");
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Formats with the root locale, so a report reads the same on every machine. */
  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String ms(OpStats stats, double percentile) {
    return stats == null ? "–" : fmt("%.2f", stats.millisAt(percentile));
  }

  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  static String verdict(boolean met) {
    return met ? "yes" : "**no**";
  }
}
