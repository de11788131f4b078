package io.scimbus.launcher;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One service as its own JVM, started from its fat jar, with its log in a file and readiness over HTTP. */
final class ServiceProcess {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1", "--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private final String name;
  private final Process process;
  private final int healthPort;
  private final Path log;

  private ServiceProcess(String name, Process process, int healthPort, Path log) {
    this.name = name;
    this.process = process;
    this.healthPort = healthPort;
    this.log = log;
  }

  static ServiceProcess start(Path home, String module, Map<String, String> env, Path logDir) {
    Path jar = fatJar(home, module);
    int healthPort = FreePorts.next();
    Path log = logDir.resolve(module + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put(ConfigKeys.HEALTH_PORT, Integer.toString(healthPort));
    try {
      return new ServiceProcess(module, builder.start(), healthPort, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks until {@code /health/ready} answers 200, the process dies, or the deadline passes. */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
  }

  /** SIGTERM, so the service closes Vert.x and leaves the cluster cleanly; killed if it lingers. */
  void stop() {
    ChildProcesses.stop(process, Duration.ofSeconds(20));
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  int healthPort() {
    return healthPort;
  }

  Path log() {
    return log;
  }

  private static Path fatJar(Path home, String module) {
    Path target = home.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().endsWith("-fat.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no fat jar in " + target + ": run mvn install -DskipTests"));
    } catch (IOException e) {
      throw new IllegalStateException("no " + target + ": run mvn install -DskipTests", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
