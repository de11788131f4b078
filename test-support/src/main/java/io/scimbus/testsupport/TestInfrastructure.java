package io.scimbus.testsupport;

import io.scimbus.devstack.KafkaBroker;
import io.scimbus.devstack.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for integration tests, started once per test JVM on free loopback ports and stopped when it
 * exits. {@code SCIMBUS_TEST_PG_URI} and {@code SCIMBUS_TEST_KAFKA_BOOTSTRAP} point the tests at existing servers.
 */
public final class TestInfrastructure {
  private static TestInfrastructure instance;

  private final String pgUri;
  private final String kafkaBootstrap;

  private TestInfrastructure(String pgUri, String kafkaBootstrap) {
    this.pgUri = pgUri;
    this.kafkaBootstrap = kafkaBootstrap;
  }

  public static synchronized TestInfrastructure get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  public String pgUri() {
    return pgUri;
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  private static TestInfrastructure start() {
    String pgUri = System.getenv("SCIMBUS_TEST_PG_URI");
    if (pgUri == null) {
      Postgres postgres = Postgres.start();
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
      pgUri = postgres.uri();
    }
    String kafka = System.getenv("SCIMBUS_TEST_KAFKA_BOOTSTRAP");
    if (kafka == null) {
      KafkaBroker broker = KafkaBroker.start(tempDir());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
      kafka = broker.bootstrapServers();
    }
    return new TestInfrastructure(pgUri, kafka);
  }

  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("scimbus-test-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
