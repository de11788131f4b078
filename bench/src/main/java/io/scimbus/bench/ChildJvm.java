package io.scimbus.bench;

import io.scimbus.devstack.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JVM the benchmark starts from its own jar (a service group or the bare HTTP server), with the memory flags of
 * every service JVM ({@link ChildProcesses#SERVICE_JVM_MEMORY_FLAGS}).
 */
final class ChildJvm implements AutoCloseable {
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
    command.addAll(ChildProcesses.SERVICE_JVM_MEMORY_FLAGS);
    command.addAll(ChildProcesses.SERVICE_JVM_MODULE_FLAGS);
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
    ChildProcesses.awaitHttp(process, name, log, URI.create(url), timeout);
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


  private static String ownJar() {
    try {
      return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
