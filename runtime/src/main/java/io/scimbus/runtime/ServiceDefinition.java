package io.scimbus.runtime;

import io.vertx.core.Deployable;
import java.util.function.Function;

/** A deployable service: its name (also its migration folder) and how to build its verticle. */
public record ServiceDefinition(String name, Function<ServiceContext, Deployable> verticle) {
}
