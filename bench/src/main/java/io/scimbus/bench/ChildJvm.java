package io.scimbus.bench;

import io.scimbus.devstack.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JVM the benchmark starts from its own jar (a service group or the bare HTTP server), with the flags the
 * production image uses apart from the heap, which is fixed so the two topologies get the same memory per JVM.
 */
final class ChildJvm implements AutoCloseable {
  private static final List<String> FLAGS = List.of("-Xms256m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
      "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");
  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildJvm start(String name, String mainClass, List<String> args, Map<String, String> env, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(FLAGS);
    command.add("-cp");
    command.add(ownJar());
    command.add(mainClass);
    command.addAll(args);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      ChildJvm jvm = new ChildJvm(name, builder.start(), log);
      Runtime.getRuntime().addShutdownHook(new Thread(jvm.process::destroyForcibly, name + "-reaper"));
      return jvm;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks until {@code url} answers 2xx; fails when the JVM dies or {@code timeout} passes. */
  void awaitHttp(String url, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
          return;
        }
        Thread.sleep(200);
      } catch (IOException e) {
        sleepQuietly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** SIGTERM first so a service leaves the cluster cleanly; killed if it lingers. */
  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(20));
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String ownJar() {
    try {
      return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
