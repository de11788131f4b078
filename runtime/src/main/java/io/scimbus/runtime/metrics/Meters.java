package io.scimbus.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * scimbus's meters, registered where Vert.x's Prometheus backend scrapes them. Label rule: every tag has a value set
 * fixed by the code (resource type, operation, outcome class, outbox table, consumer group and topic) or capped (the
 * webhook endpoints with the deepest queues); tenant, user, path and request id are never tags, as they are
 * unbounded. Per-tenant questions are answered by the logs, the provisioning log and the webhook delivery log.
 */
public final class Meters {
  private static final Map<String, AtomicReference<DoubleSupplier>> GAUGES = new ConcurrentHashMap<>();
  private static final Map<Vertx, String> REGISTRY_NAMES = new ConcurrentHashMap<>();

  /**
   * The buckets of every scimbus latency histogram: a dozen, where Micrometer's percentile histogram would publish
   * about seventy per series and make each scrape hundreds of kilobytes.
   */
  public static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000,
      10_000, 30_000).map(Duration::ofMillis).toArray(Duration[]::new);

  private Meters() {
  }

  /**
   * A registry of its own for each service's Vert.x: closing one Vert.x closes its registry, which must not take the
   * metrics of other members of the same JVM (tests, a one-JVM suite) with it.
   */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setRegistryName("scimbus-" + UUID.randomUUID())
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setJvmMetricsEnabled(true)
        .setEnabled(true);
  }

  /** Records which registry {@code vertx} was built with ({@link #options()}). */
  public static void bind(Vertx vertx, MicrometerMetricsOptions options) {
    REGISTRY_NAMES.put(vertx, options.getRegistryName());
  }

  /** The registry name of {@code vertx}, or null for Vert.x's default registry. */
  public static String registryName(Vertx vertx) {
    return REGISTRY_NAMES.get(vertx);
  }

  /**
   * The registry of the Vert.x whose context calls; Vert.x's default one off any bound context; Micrometer's global
   * one (which keeps nothing by default) when metrics are off.
   */
  public static MeterRegistry registry() {
    Context context = Vertx.currentContext();
    String name = context == null ? null : REGISTRY_NAMES.get(context.owner());
    MeterRegistry registry = name == null ? BackendRegistries.getDefaultNow() : BackendRegistries.getNow(name);
    return registry == null ? Metrics.globalRegistry : registry;
  }

  /**
   * A gauge reading {@code value}. Registering the same name and tags again (a restarted verticle in the same JVM)
   * rebinds the gauge to the newest source: Micrometer itself would keep reading the first, stopped one.
   */
  public static void gauge(String name, String description, Tags tags, DoubleSupplier value) {
    MeterRegistry registry = registry();
    String key = System.identityHashCode(registry) + name + tags;
    AtomicReference<DoubleSupplier> source = GAUGES.computeIfAbsent(key, k -> {
      AtomicReference<DoubleSupplier> created = new AtomicReference<>();
      Gauge.builder(name, created, ref -> ref.get() == null ? Double.NaN : ref.get().getAsDouble())
          .description(description).tags(tags).strongReference(true).register(registry);
      return created;
    });
    source.set(value);
  }
}
