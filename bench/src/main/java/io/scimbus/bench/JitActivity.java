package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the JIT compiler threads ({@code C1/C2 CompilerThread}) of some JVMs, from {@code /proc/<pid>/task}.
 * On two cores C2 competes with the code it compiles, so it keeps compiling for a minute or more under load; a run
 * measured before it settles measures the compiler, not the server.
 */
final class JitActivity {
  private final List<Long> pids;

  JitActivity(Collection<Long> pids) {
    this.pids = List.copyOf(pids);
  }

  static JitActivity of(long... pids) {
    return new JitActivity(Arrays.stream(pids).boxed().toList());
  }

  /** Compiler threads' CPU seconds so far, summed over the JVMs. */
  double compilerSeconds() {
    long ticks = 0;
    for (long pid : pids) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks.toList()) {
          ticks += compilerTicks(task);
        }
      } catch (IOException e) {
        // the JVM is gone; its compiler no longer competes for the cores
      }
    }
    return ticks / ProcStat.TICKS_PER_SECOND;
  }

  private static long compilerTicks(Path task) {
    try {
      if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(task.resolve("stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0; // the thread ended between listing and reading
    }
  }
}
