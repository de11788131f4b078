package io.scimbus.runtime;

import io.vertx.ext.healthchecks.HealthChecks;

/** What a service verticle is built from: its configuration and the readiness checks it contributes. */
public record ServiceContext(ServiceConfig config, HealthChecks readiness) {
}
