package io.scimbus.launcher;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.devstack.Restartable;
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

/**
 * One service as its own JVM, started from its fat jar, with its log in a file and readiness over HTTP. Each launch
 * uses the same health port and appends to the same log, so what a dead JVM wrote last stays beside its successor's.
 */
final class ServiceProcess implements Restartable {
  private static final String BUILD = "run mvn package -DskipTests -pl launcher -am";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final int healthPort;
  private final Path log;
  private volatile Process process;

  private ServiceProcess(String name, List<String> command, Map<String, String> env, int healthPort, Path log) {
    this.name = name;
    this.command = command;
    this.env = env;
    this.healthPort = healthPort;
    this.log = log;
  }

  /** The service of {@code module}, not started yet; its log starts empty. */
  static ServiceProcess of(Path home, String module, Map<String, String> env, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ChildProcesses.SERVICE_JVM_MEMORY_FLAGS);
    command.addAll(ChildProcesses.SERVICE_JVM_MODULE_FLAGS);
    command.add("-jar");
    command.add(fatJar(home, module).toString());
    Path log = logDir.resolve(module + ".log");
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServiceProcess(module, ChildProcesses.inOwnSession(command), Map.copyOf(env), FreePorts.next(), log);
  }

  @Override
  public String name() {
    return name;
  }

  /** Starts the JVM and blocks until {@code /health/ready} answers 200; fails when it dies or is not ready in time. */
  @Override
  public Process launch() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put(ConfigKeys.HEALTH_PORT, Integer.toString(healthPort));
    Process started;
    try {
      started = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    process = started;
    ChildProcesses.awaitHttp(started, name, log, URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY),
        READY_TIMEOUT);
    return started;
  }

  /** SIGTERM, so the service closes Vert.x and leaves the cluster cleanly; killed if it lingers. */
  @Override
  public void stop() {
    Process running = process;
    if (running != null) {
      ChildProcesses.stop(running, STOP_GRACE);
    }
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
          .orElseThrow(() -> new IllegalStateException("no fat jar in " + target + ": " + BUILD));
    } catch (IOException e) {
      throw new IllegalStateException("no " + target + ": " + BUILD, e);
    }
  }
}
