package io.scimbus.testsupport;

import io.scimbus.devstack.TestInfrastructure;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases of their own on the test PostgreSQL server, for a cluster whose tables (outboxes, event logs) no member
 * of another cluster may read.
 */
public final class IsolatedDatabases {
  private IsolatedDatabases() {
  }

  /** A new, empty database, as a URI in the form {@code SCIMBUS_PG_URI} takes. Drop it when done. */
  public static String create() {
    String pgUri = TestInfrastructure.get().pgUri();
    String name = "isolated_" + UUID.randomUUID().toString().replace("-", "");
    onServer("CREATE DATABASE " + name);
    return pgUri.substring(0, pgUri.length() - URI.create(pgUri).getPath().length()) + "/" + name;
  }

  /** Drops a database {@link #create()} made, even if a killed client left a session behind. */
  public static void drop(String uri) {
    onServer("DROP DATABASE IF EXISTS " + URI.create(uri).getPath().substring(1) + " WITH (FORCE)");
  }

  private static void onServer(String sql) {
    URI server = URI.create(TestInfrastructure.get().pgUri());
    String[] user = server.getUserInfo().split(":", 2);
    String jdbc = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath();
    try (Connection connection = DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + " on " + jdbc, e);
    }
  }
}
