package io.scimbus.gateway;

import io.micrometer.core.instrument.Counter;
import io.scimbus.contract.BusErrors;
import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.contract.Topics;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.DurableProducer;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every SCIM write (POST/PUT/PATCH/DELETE on /Users and /Groups, POST /Bulk) once its response is sent, to
 * Kafka ({@link Topics#PROVISIONING_LOG}, acks=all), from where policy-service stores it. Logging never delays or
 * fails the client's request: when Kafka is away, entries wait in the producer for up to
 * {@value #DELIVERY_TIMEOUT_MS} ms and at most {@value #MAX_PENDING} of them are held; beyond that they are dropped
 * with a warning.
 */
final class ProvisioningLogRecorder implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProvisioningLogRecorder.class);
  static final String DROPPED = "scimbus.provisioning.log.dropped";
  static final int MAX_PENDING = 10_000;
  static final int DELIVERY_TIMEOUT_MS = 30_000;
  private static final int LINGER_MS = 5;
  private static final int MAX_BLOCK_MS = 5_000;
  private static final long WARN_EVERY_NANOS = 10_000_000_000L;

  private final KafkaProducer<String, String> producer;
  private int pending;
  private long dropped;
  private final Counter droppedCounter = Counter.builder(DROPPED)
      .description("provisioning-log entries given up on (Kafka slow or down)").register(Meters.registry());
  private long lastWarning;

  ProvisioningLogRecorder(Vertx vertx, ServiceConfig config) {
    this.producer = DurableProducer.create(vertx, config, LINGER_MS, DELIVERY_TIMEOUT_MS, MAX_BLOCK_MS);
  }

  @Override
  public void handle(RoutingContext rc) {
    String operation = operation(rc);
    if (operation != null) {
      rc.addBodyEndHandler(v -> record(rc, operation));
    }
    rc.next();
  }

  Future<Void> close() {
    return producer.close();
  }

  private void record(RoutingContext rc, String operation) {
    ProvisioningLogEntry entry = entry(rc, operation);
    if (pending >= MAX_PENDING) {
      drop(entry, "too many entries waiting for Kafka");
      return;
    }
    pending++;
    producer.send(KafkaProducerRecord.create(Topics.PROVISIONING_LOG, entry.tenant(), entry.toJson().encode()))
        .onComplete(sent -> {
          pending--;
          if (sent.failed()) {
            drop(entry, sent.cause().toString());
          }
        });
  }

  private void drop(ProvisioningLogEntry entry, String why) {
    dropped++;
    droppedCounter.increment();
    long now = System.nanoTime();
    if (lastWarning == 0 || now - lastWarning > WARN_EVERY_NANOS) {
      lastWarning = now;
      LOG.warn("provisioning-log entries dropped: {} so far; latest tenant={} requestId={}: {}", dropped,
          entry.tenant(), entry.requestId(), why);
    }
  }

  private static ProvisioningLogEntry entry(RoutingContext rc, String operation) {
    int status = rc.response().getStatusCode();
    String resourceType = resourceType(rc);
    String[] segments = segments(rc);
    String resourceId = segments.length == 2 ? segments[1]
        : lastSegment(rc.response().headers().get(HttpHeaders.LOCATION));
    return new ProvisioningLogEntry(UUID.randomUUID().toString(), rc.get(BearerAuthHandler.TENANT_KEY),
        Instant.now(), RequestIdHandler.of(rc), rc.request().method().name(), operation, resourceType, resourceId,
        status, outcome(rc, status), "User".equals(resourceType) ? userName(rc) : null);
  }

  /** The operation of a SCIM write, or null for reads, searches and anything that is not a SCIM resource. */
  private static String operation(RoutingContext rc) {
    String type = resourceType(rc);
    HttpMethod method = rc.request().method();
    if (type == null) {
      return null;
    }
    boolean item = segments(rc).length == 2;
    if ("Bulk".equals(type)) {
      return method == HttpMethod.POST && !item ? ProvisioningLogEntry.BULK : null;
    }
    if (method == HttpMethod.POST && !item) {
      return ProvisioningLogEntry.CREATE;
    }
    if (!item) {
      return null;
    }
    if (method == HttpMethod.PUT) {
      return ProvisioningLogEntry.REPLACE;
    }
    if (method == HttpMethod.PATCH) {
      return ProvisioningLogEntry.PATCH;
    }
    return method == HttpMethod.DELETE ? ProvisioningLogEntry.DELETE : null;
  }

  private static String resourceType(RoutingContext rc) {
    String[] segments = segments(rc);
    if (segments.length == 0 || segments.length > 2) {
      return null;
    }
    return switch (segments[0]) {
      case "Users" -> "User";
      case "Groups" -> "Group";
      case "Bulk" -> "Bulk";
      default -> null;
    };
  }

  /** Path segments after {@code /scim/v2/{tenant}/}. */
  private static String[] segments(RoutingContext rc) {
    String path = rc.normalizedPath();
    String prefix = "/scim/v2/" + rc.get(BearerAuthHandler.TENANT_KEY) + "/";
    if (!path.startsWith(prefix)) {
      return new String[0];
    }
    String rest = path.substring(prefix.length());
    return rest.isEmpty() ? new String[0] : rest.split("/");
  }

  private static String outcome(RoutingContext rc, int status) {
    if (status < 400) {
      return null;
    }
    if (rc.failure() == null) {
      return Integer.toString(status);
    }
    ScimException error = BusErrors.toScim(rc.failure());
    return error.scimType() == null ? error.detail() : error.scimType() + ": " + error.detail();
  }

  private static String userName(RoutingContext rc) {
    JsonObject body = JsonBody.lenient(rc);
    return body != null && body.getValue("userName") instanceof String userName ? userName : null;
  }

  private static String lastSegment(String location) {
    if (location == null) {
      return null;
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
