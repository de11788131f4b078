package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine as the run saw it, from the JVM and /proc, so the report never carries typed-in hardware. */
final class Machine {
  private Machine() {
  }

  static String describe() {
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
        + String.format(Locale.ROOT, "%.1f GiB", memTotalKb() / 1024.0 / 1024.0) + " memory, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  /** The 1, 5 and 15 minute load averages. */
  static double[] loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
          Double.parseDouble(fields[2])};
    } catch (IOException e) {
      return new double[] {-1, -1, -1};
    }
  }

  /** The three load averages as the reports print them. */
  static String loads(double[] load) {
    return String.format(Locale.ROOT, "%.2f %.2f %.2f", load[0], load[1], load[2]);
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static long memTotalKb() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    } catch (IOException e) {
      return 0;
    }
  }
}
