package io.scimbus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Flyway reaches the database the service's pool reaches, with the same TLS requirement. */
class MigrationsJdbcTest {
  @Test
  void theServiceUriBecomesItsJdbcForm() {
    assertEquals(new Migrations.Jdbc("jdbc:postgresql://db.internal:6432/scimbus?sslmode=require", "app", "p@ss"),
        Migrations.Jdbc.of("postgresql://app:p%40ss@db.internal:6432/scimbus?sslmode=require"));
  }

  @Test
  void noSslmodeMeansNoTlsAsForThePool() {
    assertEquals("jdbc:postgresql://127.0.0.1:5432/scimbus?sslmode=disable",
        Migrations.Jdbc.of("postgresql://scimbus:scimbus@127.0.0.1:5432/scimbus").url());
  }
}
