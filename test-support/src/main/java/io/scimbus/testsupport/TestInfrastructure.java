package io.scimbus.testsupport;

import io.scimbus.devstack.KafkaBroker;
import io.scimbus.devstack.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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

  /**
   * A new, empty database on the test server, as a URI in the form {@code SCIMBUS_PG_URI} takes: for a cluster of
   * its own whose tables (outboxes, event logs) no member of another cluster may read. Drop it when done.
   */
  public String newDatabase() {
    String name = "isolated_" + UUID.randomUUID().toString().replace("-", "");
    onServer("CREATE DATABASE " + name);
    URI server = URI.create(pgUri);
    return pgUri.substring(0, pgUri.length() - server.getPath().length()) + "/" + name;
  }

  /** Drops a database {@link #newDatabase()} made, even if a killed client left a session behind. */
  public void dropDatabase(String uri) {
    onServer("DROP DATABASE IF EXISTS " + URI.create(uri).getPath().substring(1) + " WITH (FORCE)");
  }

  private void onServer(String sql) {
    URI server = URI.create(pgUri);
    String[] user = server.getUserInfo().split(":", 2);
    String jdbc = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath();
    try (Connection connection = DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + " on " + jdbc, e);
    }
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
