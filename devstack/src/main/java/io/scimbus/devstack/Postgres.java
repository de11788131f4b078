package io.scimbus.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A throwaway PostgreSQL 15 on a free loopback port, from the binaries Maven Central ships (zonky): no install, no
 * {@code postgres} OS user, and it runs as root. Durability is traded for speed: it holds test and demo data only.
 * It registers no shutdown hook: whoever starts it stops it, last, after everything that uses it.
 */
public final class Postgres implements AutoCloseable {
  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  public static Postgres start() {
    try {
      return new Postgres(EmbeddedPostgres.builder()
          .setPort(FreePorts.next())
          .setRegisterShutdownHook(false)
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "300")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getPort();
  }

  /** URI in the form {@code SCIMBUS_PG_URI} takes. */
  public String uri() {
    return "postgresql://postgres:postgres@127.0.0.1:" + port() + "/postgres";
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
