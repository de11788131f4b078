package io.scimbus.runtime;

import io.scimbus.runtime.logging.LogContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.HealthChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in this JVM: reads configuration, joins the cluster, deploys each verticle and the health server,
 * and on SIGTERM closes Vert.x before Hazelcast leaves, so peers get NO_HANDLERS at once instead of a timeout.
 */
public final class ServiceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

  private ServiceRunner() {
  }

  /** Entry point of every service's {@code main}. Exits the JVM when start-up fails. */
  public static void main(List<ServiceDefinition> services) {
    try {
      LogContext.jvmService(String.join(",", services.stream().map(ServiceDefinition::name).toList()));
      Running running = start(loadConfig(System.getenv()), services).await();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          running.shutdown().await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
          LOG.warn("shutdown incomplete: {}", e.toString());
        }
      }, "scimbus-shutdown"));
      LOG.info("started {} health port {}", running.names(), running.healthPort());
    } catch (Exception e) {
      LOG.error("start-up failed", e);
      System.exit(1);
    }
  }

  /** Defaults, then the {@link ConfigKeys#CONFIG_FILE} file, then {@code environment}; blocks until read. */
  public static ServiceConfig loadConfig(Map<String, String> environment) {
    Vertx bootstrap = Vertx.vertx();
    try {
      return ServiceConfig.load(bootstrap, Defaults.values(), environment).await();
    } finally {
      bootstrap.close();
    }
  }

  /** Joins the cluster and deploys the services; the future completes when all are ready to take requests. */
  public static Future<Running> start(ServiceConfig config, List<ServiceDefinition> services) {
    return ClusteredVertx.start(config).compose(vertx -> {
      HealthChecks readiness = HealthChecks.create(vertx);
      AtomicBoolean draining = new AtomicBoolean();
      Readiness.register(readiness, "accepting", () -> !draining.get(), "shutting down");
      ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
      Readiness.register(readiness, "cluster", cluster::isActive, "not a member of the cluster");
      ServiceContext context = new ServiceContext(config, readiness);
      Future<Void> chain = Future.succeededFuture();
      List<String> names = new ArrayList<>();
      for (ServiceDefinition service : services) {
        names.add(service.name());
        DeploymentOptions tagged = new DeploymentOptions()
            .setConfig(new JsonObject().put(LogContext.SERVICE_CONFIG_KEY, service.name()));
        chain = chain.compose(v -> vertx.deployVerticle(service.verticle().apply(context), tagged).mapEmpty());
      }
      return chain
          .compose(v -> HealthServer.start(vertx, config.integer(ConfigKeys.HEALTH_PORT), readiness,
              Duration.ofMillis(config.longValue(ConfigKeys.LIVENESS_BLOCKED_MS))))
          .map(server -> new Running(vertx, names, server.actualPort(), draining,
              config.longValue(ConfigKeys.SHUTDOWN_DELAY_MS)))
          .recover(failure -> vertx.close().transform(ignored -> Future.failedFuture(failure)));
    });
  }

  /** Started services. */
  public record Running(Vertx vertx, List<String> names, int healthPort, AtomicBoolean draining, long delayMs) {
    /**
     * What SIGTERM does: readiness goes DOWN first and stays so for {@code SCIMBUS_SHUTDOWN_DELAY_MS} while load
     * balancers stop sending; then every service stops taking work and finishes what it took (HTTP requests, bus
     * requests); only then does Vert.x close, and this member leave the cluster.
     */
    public Future<Void> shutdown() {
      draining.set(true);
      LOG.info("shutting down {}: readiness DOWN, draining for {} ms", names, delayMs);
      Promise<Void> delayed = Promise.promise();
      vertx.setTimer(Math.max(1, delayMs), id -> delayed.complete());
      return delayed.future()
          .compose(v -> Future.join(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()))
          .onComplete(undeployed -> LOG.info("{} drained, leaving the cluster", names))
          .eventually(vertx::close)
          .mapEmpty();
    }
  }

  /** Convenience for tests and launchers. */
  public static ServiceConfig config(JsonObject overrides) {
    return new ServiceConfig(Defaults.values().mergeIn(overrides));
  }
}
