package io.scimbus.runtime;

import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;

/** Readiness of a service that cannot serve without its database: a round trip must succeed. */
public final class PgReadiness {
  private PgReadiness() {
  }

  public static void register(HealthChecks readiness, String name, Pool pool) {
    readiness.register(name, promise -> pool.query("SELECT 1").execute()
        .onSuccess(rows -> promise.tryComplete(Status.OK()))
        .onFailure(promise::tryFail));
  }
}
