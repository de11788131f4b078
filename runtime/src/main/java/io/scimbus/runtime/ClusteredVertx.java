package io.scimbus.runtime;

import io.scimbus.runtime.logging.LogContext;
import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** Builds a Vert.x instance that joins the scimbus cluster, with Prometheus metrics on. */
public final class ClusteredVertx {
  private ClusteredVertx() {
  }

  public static Future<Vertx> start(ServiceConfig config) {
    LogContext.init();
    MicrometerMetricsOptions metrics = Meters.options();
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics);
    if (!"kubernetes".equalsIgnoreCase(config.string(ConfigKeys.CLUSTER_DISCOVERY))) {
      String host = config.string(ConfigKeys.CLUSTER_HOST);
      options.getEventBusOptions().setHost(host).setPort(0).setClusterPublicHost(host);
    }
    return Vertx.builder()
        .with(options)
        .withClusterManager(new HazelcastClusterManager(HazelcastSettings.from(config)))
        .buildClustered()
        .onSuccess(vertx -> Meters.bind(vertx, metrics));
  }
}
