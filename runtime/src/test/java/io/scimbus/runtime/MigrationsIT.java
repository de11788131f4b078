package io.scimbus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Postgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrations} against a real PostgreSQL, each test on a database of its own. */
class MigrationsIT {
  private static Postgres postgres;
  private static Vertx vertx;
  private ServiceConfig config;
  private Migrations.Jdbc jdbc;

  @BeforeAll
  static void start() {
    postgres = Postgres.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    postgres.close();
  }

  @BeforeEach
  void freshDatabase() throws SQLException {
    String name = "migrations_" + UUID.randomUUID().toString().replace("-", "");
    run(Migrations.Jdbc.of(postgres.uri()), "CREATE DATABASE " + name);
    String uri = postgres.uri().substring(0, postgres.uri().lastIndexOf('/') + 1) + name;
    config = new ServiceConfig(new JsonObject().put(ConfigKeys.PG_URI, uri));
    jdbc = Migrations.Jdbc.of(uri);
  }

  @Test
  void everyServiceGetsItsTablesAndAHistoryOfItsOwnInOneDatabase() throws SQLException {
    for (String service : List.of("users", "groups", "policy", "notifier")) {
      Migrations.apply(vertx, config, service, "filesystem:../" + module(service) + "/src/main/resources/db/" + service)
          .await();
    }
    assertEquals(List.of("001", "002", "003", "004"), versions("users"));
    assertEquals(List.of("0", "001", "002", "003"), versions("groups"), "baselined at 0: users' tables were there first");
    assertEquals(1, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'webhook_attempts'"));
  }

  @Test
  void aRestartAppliesOnlyWhatIsNew(@TempDir Path scripts) throws Exception {
    Files.writeString(scripts.resolve("V001__notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY);");
    Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await();
    Files.writeString(scripts.resolve("V002__note_text.sql"), "ALTER TABLE notes ADD COLUMN text text;");
    Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await();
    Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await();
    assertEquals(List.of("001", "002"), versions("notes"));
  }

  @Test
  void anAppliedScriptEditedAfterwardsStopsTheService(@TempDir Path scripts) throws Exception {
    Path script = Files.writeString(scripts.resolve("V001__notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY);");
    Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await();
    Files.writeString(script, "CREATE TABLE notes (id bigint PRIMARY KEY);");
    Exception refused = assertThrows(Exception.class,
        () -> Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await());
    assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
    assertEquals(List.of("001"), versions("notes"));
  }

  @Test
  void aDatabaseOfTheHandWrittenRunnerCarriesOnFromItsLastVersion(@TempDir Path scripts) throws Exception {
    run(jdbc, "CREATE TABLE schema_migrations (service text, version text, applied_at timestamptz DEFAULT now())");
    run(jdbc, "INSERT INTO schema_migrations (service, version) VALUES ('notes', '001'), ('other', '007')");
    run(jdbc, "CREATE TABLE notes (id int PRIMARY KEY)");
    Files.writeString(scripts.resolve("V001__notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY);");
    Files.writeString(scripts.resolve("V002__note_text.sql"), "ALTER TABLE notes ADD COLUMN text text;");
    Migrations.apply(vertx, config, "notes", "filesystem:" + scripts).await();
    assertEquals(List.of("001", "002"), versions("notes"), "V001 baselined, not run again; V002 applied");
    assertEquals(1, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes'"
        + " AND column_name = 'text'"));
  }

  private static String module(String service) {
    return service.equals("notifier") ? "notifier-service" : service + "-service";
  }

  private List<String> versions(String service) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
        ResultSet rows = connection.createStatement().executeQuery("SELECT version FROM " + service
            + "_schema_history WHERE success ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void run(Migrations.Jdbc target, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
