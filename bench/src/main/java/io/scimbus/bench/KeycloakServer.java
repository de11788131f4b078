package io.scimbus.bench;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.devstack.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The peer: Keycloak's Quarkus distribution, pinned, from Maven Central through Maven (so it lands in the local
 * repository like any artifact), unpacked under {@code .scimbus/peers/}, on a PostgreSQL of its own with scimbus's
 * durability settings ({@link Postgres}: fsync off), with the SCIM API (a preview feature) switched on.
 */
final class KeycloakServer implements AutoCloseable {
  static final String VERSION = "26.7.3";
  static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip";
  static final String ADMIN = "bench-admin";
  private static final Path PEERS = Path.of(".scimbus", "peers");
  private static final String FEATURES = "scim-api";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
  private static final int MIN_JAVA = 21;

  private final Postgres postgres;
  private final Process process;
  private final int httpPort;
  final String adminPassword;

  private KeycloakServer(Postgres postgres, Process process, int httpPort, String adminPassword) {
    this.postgres = postgres;
    this.process = process;
    this.httpPort = httpPort;
    this.adminPassword = adminPassword;
  }

  static KeycloakServer start(Path logDir, String adminPassword) {
    Path home = unpacked();
    Map<String, String> env = Map.of("JAVA_HOME", javaHome().toString(),
        "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    Path log = logDir.resolve("keycloak.log");
    // the build step is Quarkus's augmentation (a minute or more on a small machine); done once per unpacked copy
    Path built = home.resolve("bench-built");
    if (!Files.exists(built)) {
      Console.say("building Keycloak for PostgreSQL with " + FEATURES + " (once)");
      run(home, env, log, "bin/kc.sh", "build", "--db=postgres", "--features=" + FEATURES, "--health-enabled=true",
          "--cache=local");
      touch(built);
    }
    Console.say("starting Keycloak " + VERSION + " on a PostgreSQL of its own");
    Postgres postgres = Postgres.start();
    int httpPort = FreePorts.next();
    int managementPort = FreePorts.next();
    List<String> command = List.of("bin/kc.sh", "start", "--optimized",
        "--db-url=jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
        "--db-username=postgres", "--db-password=postgres",
        "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + httpPort,
        "--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + httpPort);
    ProcessBuilder builder = new ProcessBuilder(ChildProcesses.inOwnSession(command)).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      postgres.close();
      throw new UncheckedIOException(e);
    }
    KeycloakServer server = new KeycloakServer(postgres, process, httpPort, adminPassword);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "keycloak-reaper"));
    try {
      ChildProcesses.awaitHttp(process, "keycloak", log,
          URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), READY_TIMEOUT);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /**
   * The server JVM, for CPU, RSS and JIT time. kc.sh starts Java as its child rather than in its own place, so the
   * process started here is a shell of 2 MiB whose CPU would leave Keycloak's own out.
   */
  long jvmPid() {
    return process.toHandle().descendants()
        .filter(p -> p.info().command().filter(command -> command.endsWith("/java")).isPresent())
        .findFirst().map(ProcessHandle::pid)
        .orElseThrow(() -> new IllegalStateException("Keycloak's JVM is not among kc.sh's descendants"));
  }

  /** Keycloak's own PostgreSQL, in the form {@code SCIMBUS_PG_URI} takes. */
  String postgresUri() {
    return postgres.uri();
  }

  /** The distribution, fetched and unpacked on first use. */
  private static Path unpacked() {
    Path home = PEERS.resolve("keycloak-" + VERSION).toAbsolutePath();
    if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
      return home;
    }
    Console.say("fetching " + ARTIFACT + " from Maven Central");
    Path logs = PEERS.toAbsolutePath();
    touchDir(logs);
    run(Path.of("").toAbsolutePath(), Map.of(), logs.resolve("fetch.log"), "mvn", "-q", "-B",
        "dependency:copy", "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + logs);
    Path zip = logs.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
    // unpacked beside its final place and moved there whole: a run stopped mid-unzip leaves no half copy that the
    // check above would take for a complete one
    try {
      Path staging = Files.createTempDirectory(logs, "unpacking-");
      run(staging, Map.of(), logs.resolve("fetch.log"), "unzip", "-q", zip.toString());
      Files.move(staging.resolve(home.getFileName()), home, StandardCopyOption.ATOMIC_MOVE);
      Files.delete(staging);
      Files.delete(zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }

  /** Keycloak 26 needs Java 21 or newer: this JVM's if it is, else the newest such JDK under /usr/lib/jvm. */
  static Path javaHome() {
    Path own = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() >= MIN_JAVA) {
      return own;
    }
    try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
      Optional<Path> found = jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java"))
          && featureVersion(jdk) >= MIN_JAVA).max((a, b) -> Integer.compare(featureVersion(a), featureVersion(b)));
      return found.orElseThrow(() -> new IllegalStateException("Keycloak " + VERSION + " needs Java " + MIN_JAVA
          + " or newer; none under /usr/lib/jvm"));
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak " + VERSION + " needs Java " + MIN_JAVA + " or newer", e);
    }
  }

  /** The JDK's {@code JAVA_VERSION} feature number from its {@code release} file, or 0. */
  private static int featureVersion(Path jdk) {
    try {
      return Files.readAllLines(jdk.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> l.replaceAll("JAVA_VERSION=\"?([0-9]+).*", "$1")).mapToInt(Integer::parseInt).findFirst()
          .orElse(0);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  private static void run(Path dir, Map<String, String> env, Path log, String... command) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    try {
      int exit = builder.start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void touch(Path file) {
    try {
      Files.writeString(file, VERSION + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void touchDir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    ChildProcesses.stop(process, Duration.ofSeconds(30));
    postgres.close();
  }
}
