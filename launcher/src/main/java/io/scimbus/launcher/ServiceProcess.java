package io.scimbus.launcher;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One service as its own JVM, started from its fat jar, with its log in a file and readiness over HTTP. */
final class ServiceProcess {
  // a laptop's suite: small heaps and C1 only, for start-up time rather than peak throughput
  private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1");

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
    command.addAll(ChildProcesses.SERVICE_JVM_MODULE_FLAGS);
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
    ChildProcesses.awaitHttp(process, name, log, URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY),
        timeout);
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
}
