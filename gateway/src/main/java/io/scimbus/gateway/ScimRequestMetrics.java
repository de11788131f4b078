package io.scimbus.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimbus.gateway.RequestOutcomeHandler.RequestOutcome;
import io.scimbus.runtime.metrics.Meters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code scimbus_scim_requests_seconds{resource,operation,outcome}}, a latency histogram of SCIM requests, and
 * {@code scimbus_http_refusals_total{status}}, the 429s and 503s of every route. Labels come from the route template
 * and an allow-list, so their values are bounded whatever clients send; tenant is not a label (see {@link Meters}).
 */
final class ScimRequestMetrics implements Consumer<RequestOutcome> {
  static final String REQUESTS = "scimbus.scim.requests";
  static final String REFUSALS = "scimbus.http.refusals";
  private static final String SCIM_PREFIX = ScimMedia.SCIM_PREFIX + "/";
  private static final Set<String> RESOURCES = Set.of("Users", "Groups", "Bulk", "Schemas", "ResourceTypes",
      "ServiceProviderConfig");

  private final MeterRegistry registry = Meters.registry();
  // Registered at 0 from start-up, so that rate() and increase() see the first refusal.
  private final Map<Integer, Counter> refusals = Stream.of(429, 503).collect(Collectors.toMap(status -> status,
      status -> Counter.builder(REFUSALS).description("requests refused for load (429) or unavailability (503)")
          .tag("status", Integer.toString(status)).register(registry)));

  // The label sets are bounded, so each timer is built once: a builder and a registry lookup per request cost more
  // than the recording itself on the gateway's hot path.
  private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public void accept(RequestOutcome outcome) {
    Counter refused = refusals.get(outcome.status());
    if (refused != null) {
      refused.increment();
    }
    if (!outcome.route().startsWith(SCIM_PREFIX)) {
      return;
    }
    String[] segments = outcome.route().substring(SCIM_PREFIX.length()).split("/");
    Labels labels = new Labels(resource(segments), operation(outcome.method(), segments), outcome.status() / 100);
    timers.computeIfAbsent(labels, this::timer).record(outcome.latencyNanos(), TimeUnit.NANOSECONDS);
  }

  private Timer timer(Labels labels) {
    return Timer.builder(REQUESTS).description("SCIM requests at the gateway, by outcome class")
        .tag("resource", labels.resource())
        .tag("operation", labels.operation())
        .tag("outcome", labels.statusClass() + "xx")
        .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
        .register(registry);
  }

  private static String resource(String[] segments) {
    if (segments[0].equals(".search")) {
      return "all";
    }
    return RESOURCES.contains(segments[0]) ? segments[0] : "other";
  }

  private static String operation(String method, String[] segments) {
    boolean item = segments.length > 1;
    if (item && segments[1].equals(".search")) {
      return "search";
    }
    return switch (method) {
      case "GET" -> item ? "get" : "list";
      case "POST" -> segments[0].equals(".search") ? "search" : segments[0].equals("Bulk") ? "bulk" : "create";
      case "PUT" -> "replace";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "other";
    };
  }

  private record Labels(String resource, String operation, int statusClass) {
  }
}
