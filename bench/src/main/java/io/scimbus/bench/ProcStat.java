package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of a process from {@code /proc/<pid>}: utime + stime (plus cutime + cstime, so
 * PostgreSQL backends that exited during the run still count for their postmaster) and VmRSS.
 */
record ProcStat(long cpuTicks, long rssKb) {
  /** Clock ticks per second of {@code /proc/<pid>/stat}; USER_HZ is 100 on every Linux the JDK runs on. */
  static final double TICKS_PER_SECOND = 100.0;

  static ProcStat of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name may hold spaces and parentheses: fields are counted after the last ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
          + Long.parseLong(fields[14]);
      return new ProcStat(ticks, rssKb(pid));
    } catch (IOException | RuntimeException e) {
      return new ProcStat(0, 0);
    }
  }

  /** The sum over a process and all its descendants (PostgreSQL: the postmaster and its backends). */
  static ProcStat ofTree(long pid) {
    ProcStat sum = of(pid);
    List<ProcessHandle> children = ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
    for (ProcessHandle child : children) {
      ProcStat s = of(child.pid());
      sum = new ProcStat(sum.cpuTicks + s.cpuTicks, sum.rssKb + s.rssKb);
    }
    return sum;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
