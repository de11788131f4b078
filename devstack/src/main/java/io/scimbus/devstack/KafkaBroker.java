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
 * classpath was resolved by the kafka-broker module at build time, so Kafka's libraries never meet ours.
 */
public final class KafkaBroker implements AutoCloseable {
  private static final String CLASSPATH_RESOURCE = "/io/scimbus/kafka-broker.classpath";
  private static final String READY_LINE = "Kafka Server started";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path dir;
  private final int port;

  private KafkaBroker(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  public static KafkaBroker start(Path workDir) {
    try {
      Path dir = Files.createDirectories(workDir.resolve("kafka"));
      int port = FreePorts.next();
      int controllerPort = FreePorts.next();
      Path properties = dir.resolve("server.properties");
      Files.writeString(properties, properties(dir, port, controllerPort));
      String classpath = classpath();
      run(List.of(java(), "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
          properties.toString()), dir.resolve("format.log"), Duration.ofSeconds(60));
      Path log = dir.resolve("broker.log");
      Process process = new ProcessBuilder(java(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath,
          "kafka.Kafka", properties.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      KafkaBroker broker = new KafkaBroker(process, dir, port);
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kafka-broker-reaper"));
      broker.awaitReady(log);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(15));
  }

  private void awaitReady(Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ", see " + log);
      }
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
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
