package io.scimbus.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for integration tests, each started once per test JVM when a test first asks for it, on free
 * loopback ports, and stopped when the JVM exits. {@code SCIMBUS_TEST_PG_URI} and {@code SCIMBUS_TEST_KAFKA_BOOTSTRAP}
 * point the tests at existing servers. It lives here rather than in test-support so that modules test-support builds
 * on (the event pipeline) can test against the same servers.
 */
public final class TestInfrastructure {
  private static final TestInfrastructure INSTANCE = new TestInfrastructure();

  private String pgUri;
  private String kafkaBootstrap;

  private TestInfrastructure() {
  }

  public static TestInfrastructure get() {
    return INSTANCE;
  }

  public synchronized String pgUri() {
    if (pgUri == null) {
      pgUri = System.getenv("SCIMBUS_TEST_PG_URI");
    }
    if (pgUri == null) {
      Postgres postgres = Postgres.start();
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
      pgUri = postgres.uri();
    }
    return pgUri;
  }

  public synchronized String kafkaBootstrap() {
    if (kafkaBootstrap == null) {
      kafkaBootstrap = System.getenv("SCIMBUS_TEST_KAFKA_BOOTSTRAP");
    }
    if (kafkaBootstrap == null) {
      KafkaBroker broker = KafkaBroker.start(tempDir());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
      kafkaBootstrap = broker.bootstrapServers();
    }
    return kafkaBootstrap;
  }

  /** A fresh temporary directory, for a broker a test starts and stops itself. */
  public static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("scimbus-test-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
