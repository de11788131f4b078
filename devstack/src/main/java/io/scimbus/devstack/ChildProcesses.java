package io.scimbus.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Child JVMs of the launcher and the benchmark: the flags a service JVM needs, readiness, and stopping. */
public final class ChildProcesses {
  /** What Hazelcast and Netty need opened on Java 17 besides heap and GC flags, which each caller chooses. */
  public static final List<String> SERVICE_JVM_MODULE_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
  /**
   * A JVM out of memory is wedged (full-GC spiral, 503 for everyone) but alive; exiting lets its supervisor
   * (scimbus up, Kubernetes) start a fresh one. Every service JVM and the Kafka broker get it.
   */
  public static final String EXIT_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";
  /**
   * Memory of a service JVM that {@code scimbus up} or the benchmark starts: the same for every service and
   * topology, so a user measures the stack the benchmark measures. GC and JIT are the JVM's defaults, as in the
   * production image.
   */
  public static final List<String> SERVICE_JVM_MEMORY_FLAGS = List.of("-Xms256m", "-Xmx512m", EXIT_ON_OUT_OF_MEMORY);
  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final long KILL_WAIT_SECONDS = 5;
  private static final long PROBE_EVERY_MS = 200;
  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ChildProcesses() {
  }

  /**
   * {@code command} run in a session of its own where {@code setsid} exists (Linux), so a Ctrl-C in the terminal
   * reaches only the launcher, which then stops its children in order, instead of every child at once. As the child
   * is not a process group leader, setsid execs in place: the process started is the command itself.
   */
  public static List<String> inOwnSession(List<String> command) {
    if (!Files.isExecutable(SETSID)) {
      return command;
    }
    List<String> detached = new ArrayList<>();
    detached.add(SETSID.toString());
    detached.addAll(command);
    return detached;
  }

  /** SIGTERM lets a service close Vert.x and leave the cluster (or Kafka flush its log); killed if it lingers. */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /**
   * Blocks until {@code url} answers 2xx; fails when the process dies or {@code timeout} passes, naming
   * {@code name} and its {@code log}.
   */
  public static void awaitHttp(Process process, String name, Path log, URI url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest probe = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      try {
        Thread.sleep(PROBE_EVERY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
  }
}
