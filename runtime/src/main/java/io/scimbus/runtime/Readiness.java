package io.scimbus.runtime;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.function.BooleanSupplier;

/** Readiness checks that read a state the component keeps up to date (Kafka assignment, last publish, draining). */
public final class Readiness {
  private Readiness() {
  }

  /** Registers {@code name}: UP while {@code ready} holds, else DOWN with {@code whyNot}. */
  public static void register(HealthChecks readiness, String name, BooleanSupplier ready, String whyNot) {
    readiness.register(name, promise -> promise.tryComplete(ready.getAsBoolean() ? Status.OK()
        : Status.KO(new JsonObject().put("reason", whyNot))));
  }
}
