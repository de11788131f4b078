package io.scimbus.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, no ZooKeeper, no Docker) in its own JVM, on free loopback ports. Its
 * classpath was resolved by the kafka-broker module at build time, so Kafka's libraries never meet ours. It can be
 * stopped and launched again on the same ports and data directory, as a crashed or restarted broker would be.
 * It registers no shutdown hook: whoever starts it stops it, after the services that use it.
 */
public final class KafkaBroker implements Restartable, AutoCloseable {
  private static final String CLASSPATH_RESOURCE = "/io/scimbus/kafka-broker.classpath";
  private static final String READY_LINE = "Kafka Server started";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private final Path dir;
  private final Path properties;
  private final String classpath;
  private final int port;
  private volatile Process process;

  private KafkaBroker(Path dir, Path properties, String classpath, int port) {
    this.dir = dir;
    this.properties = properties;
    this.classpath = classpath;
    this.port = port;
  }

  /** A broker formatted in {@code workDir} and serving. */
  public static KafkaBroker start(Path workDir) {
    KafkaBroker broker = prepare(workDir);
    broker.launch();
    return broker;
  }

  /** A broker formatted in {@code workDir}, not started yet: for a supervisor, whose first launch starts it. */
  public static KafkaBroker prepare(Path workDir) {
    try {
      Path dir = Files.createDirectories(workDir.resolve("kafka"));
      int port = FreePorts.next();
      int controllerPort = FreePorts.next();
      Path properties = dir.resolve("server.properties");
      Files.writeString(properties, properties(dir, port, controllerPort));
      String classpath = classpath();
      run(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
          properties.toString()), dir.resolve("format.log"), Duration.ofSeconds(60));
      return new KafkaBroker(dir, properties, classpath, port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "Kafka broker";
  }

  /** Starts the broker JVM on this broker's ports and data directory; returns once it serves. */
  @Override
  public synchronized Process launch() {
    Path log = dir.resolve("broker.log");
    try {
      // appended, so what a crashed broker wrote last stays readable after its restart
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      process = new ProcessBuilder(ChildProcesses.inOwnSession(List.of(java(), "-Xms128m", "-Xmx512m",
          "-XX:+UseSerialGC", ChildProcesses.EXIT_ON_OUT_OF_MEMORY, "-cp", classpath, "kafka.Kafka",
          properties.toString())))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      awaitReady(process, log, logStart);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, so the broker flushes its log and leaves its data clean for the next launch. */
  @Override
  public void stop() {
    Process running = process;
    if (running != null) {
      ChildProcesses.stop(running, STOP_GRACE);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path dir() {
    return dir;
  }

  /** The broker JVM's pid; it changes with each launch. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    stop();
  }

  private static void awaitReady(Process process, Path log, long logStart) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + log);
      }
      byte[] written = Files.readAllBytes(log);
      int from = (int) Math.min(logStart, written.length);
      if (new String(written, from, written.length - from, StandardCharsets.UTF_8).contains(READY_LINE)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Kafka started", e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Kafka broker not ready within " + START_TIMEOUT + ", see " + log);
  }

  private static String properties(Path dir, int port, int controllerPort) {
    return String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=4",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "") ;
  }

  private static String classpath() throws IOException {
    try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + CLASSPATH_RESOURCE + ": build the kafka-broker module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  /** Kafka cluster ids are 16 random bytes in URL-safe base64; one starting with '-' would read as a flag. */
  private static String clusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }

  private static void run(List<String> command, Path log, Duration timeout) throws IOException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("command failed: " + command.get(command.size() - 5) + ", see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
