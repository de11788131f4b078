package io.scimbus.testsupport;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service as a JVM of its own joined to a test cluster, as a pod would be, so that a test can SIGKILL it. It runs
 * the service's {@code *Main} on this test JVM's own classpath (the reactor's classes and jars), with the cluster's
 * settings as its environment, and the JVM flags the launcher gives a service.
 */
public final class ServiceJvm implements AutoCloseable {
  // a JVM starting while the suite runs on an oversubscribed machine (load average near 30 on 2 cores) took over 2 min
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);

  private final Process process;
  private final String name;
  private final int healthPort;

  private ServiceJvm(Process process, String name, int healthPort) {
    this.process = process;
    this.name = name;
    this.healthPort = healthPort;
  }

  /** The port of its {@code /health/*} and {@code /metrics}. */
  public int healthPort() {
    return healthPort;
  }

  /** Starts {@code mainClass} joined to {@code cluster}; returns once its readiness answers 200. */
  public static ServiceJvm start(ScimbusCluster cluster, Class<?> mainClass, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ChildProcesses.SERVICE_JVM_MEMORY_FLAGS);
    command.addAll(ChildProcesses.SERVICE_JVM_MODULE_FLAGS);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    cluster.config().toJson().forEach(entry -> env.put(entry.getKey(), String.valueOf(entry.getValue())));
    int healthPort = FreePorts.next();
    env.put(ConfigKeys.HEALTH_PORT, Integer.toString(healthPort));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a test JVM that dies must not leave a member behind in a cluster whose database is gone
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, mainClass.getSimpleName() + "-reaper"));
    ServiceJvm jvm = new ServiceJvm(process, mainClass.getSimpleName(), healthPort);
    try {
      ChildProcesses.awaitHttp(process, jvm.name, log,
          URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY), READY_TIMEOUT);
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return jvm;
  }

  /** SIGKILL: no shutdown hook, no goodbye to the cluster, transactions cut wherever they were. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(name + " outlived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, so it leaves the cluster cleanly; killed if it lingers. */
  @Override
  public void close() {
    ChildProcesses.stop(process, STOP_GRACE);
  }
}
