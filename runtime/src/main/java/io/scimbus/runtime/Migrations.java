package io.scimbus.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations of one service, by Flyway: scripts {@code db/<service>/V<n>__<what>.sql} on the
 * classpath, applied once each and recorded with a checksum in the service's own history table
 * {@code <service>_schema_history}, so several services share a database without sharing a history, and an applied
 * script that was edited afterwards stops the service at start instead of going unnoticed. Flyway's advisory lock
 * makes concurrent replicas apply each script once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  /** Where scimbus before Flyway recorded applied versions, one row per service and version. */
  private static final String LEGACY_LATEST = "SELECT max(version) FROM schema_migrations WHERE service = ?";
  private static final String LEGACY_EXISTS = "SELECT to_regclass('schema_migrations') IS NOT NULL";

  private Migrations() {
  }

  /** Applies the service's pending scripts from {@code classpath:db/<service>}. */
  public static Future<Void> apply(Vertx vertx, ServiceConfig config, String service) {
    return apply(vertx, config, service, "classpath:db/" + service);
  }

  /** Applies the service's pending scripts from a Flyway location ({@code classpath:...} or {@code filesystem:...}). */
  static Future<Void> apply(Vertx vertx, ServiceConfig config, String service, String location) {
    return vertx.executeBlocking(() -> {
      Jdbc jdbc = Jdbc.of(config.string(ConfigKeys.PG_URI));
      MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(jdbc.url(), jdbc.user(), jdbc.password())
          .locations(location)
          .table(service + "_schema_history")
          // Another service's tables make the schema non-empty: that is no reason to refuse, and a database the
          // hand-written runner migrated carries on from the last version it recorded.
          .baselineOnMigrate(true)
          .baselineVersion(legacyVersion(jdbc, service))
          .baselineDescription("before Flyway")
          .load()
          .migrate();
      LOG.info("service={} schema at version {} ({} migrations applied)", service, result.targetSchemaVersion,
          result.migrationsExecuted);
      return null;
    }, false);
  }

  private static String legacyVersion(Jdbc jdbc, String service) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password())) {
      try (ResultSet exists = connection.createStatement().executeQuery(LEGACY_EXISTS)) {
        if (!exists.next() || !exists.getBoolean(1)) {
          return "0";
        }
      }
      try (PreparedStatement latest = connection.prepareStatement(LEGACY_LATEST)) {
        latest.setString(1, service);
        try (ResultSet row = latest.executeQuery()) {
          return row.next() && row.getString(1) != null ? row.getString(1) : "0";
        }
      }
    }
  }

  /** The JDBC form of a {@code postgresql://} URI, as the reactive client reads it. */
  record Jdbc(String url, String user, String password) {
    static Jdbc of(String pgUri) {
      PgConnectOptions options = PgConnectOptions.fromUri(pgUri);
      // the same sslmode as the pool, named: pgjdbc's default (prefer) is not the reactive client's (disable)
      String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase()
          + "?sslmode=" + options.getSslMode().value;
      return new Jdbc(url, options.getUser(), options.getPassword());
    }
  }
}
