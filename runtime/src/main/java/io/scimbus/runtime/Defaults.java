package io.scimbus.runtime;

import io.vertx.core.json.JsonObject;

/** Embedded defaults: a laptop with PostgreSQL, Kafka and every service on loopback. */
public final class Defaults {
  private Defaults() {
  }

  public static JsonObject values() {
    return new JsonObject()
        .put(ConfigKeys.CLUSTER_NAME, "scimbus-dev")
        .put(ConfigKeys.CLUSTER_DISCOVERY, "tcp")
        .put(ConfigKeys.CLUSTER_MEMBERS, "127.0.0.1")
        .put(ConfigKeys.CLUSTER_HOST, "127.0.0.1")
        .put(ConfigKeys.CLUSTER_PORT, 5701)
        .put(ConfigKeys.CLUSTER_K8S_SERVICE_DNS, "scimbus-cluster")
        .put(ConfigKeys.PG_URI, "postgresql://scimbus:scimbus@127.0.0.1:5432/scimbus")
        .put(ConfigKeys.PG_POOL_SIZE, 8)
        .put(ConfigKeys.KAFKA_BOOTSTRAP, "127.0.0.1:9092")
        .put(ConfigKeys.KAFKA_PARTITIONS, 8)
        .put(ConfigKeys.KAFKA_REPLICATION, 1)
        .put(ConfigKeys.KAFKA_SECURITY_PROTOCOL, "PLAINTEXT")
        .put(ConfigKeys.HTTP_HOST, "0.0.0.0")
        .put(ConfigKeys.HTTP_PORT, 8080)
        .put(ConfigKeys.PUBLIC_BASE_URL, "http://127.0.0.1:8080")
        .put(ConfigKeys.MAX_PAYLOAD_BYTES, 10 * 1024 * 1024)
        .put(ConfigKeys.MAX_JSON_DEPTH, 32)
        .put(ConfigKeys.MAX_JSON_STRING_CHARS, 256 * 1024)
        .put(ConfigKeys.MAX_REQUEST_LINE_BYTES, 8192)
        .put(ConfigKeys.MAX_HEADER_BYTES, 8192)
        .put(ConfigKeys.BUS_TIMEOUT_MS, 10_000)
        .put(ConfigKeys.HEALTH_PORT, 0)
        .put(ConfigKeys.LIVENESS_BLOCKED_MS, 5_000)
        .put(ConfigKeys.SHUTDOWN_DELAY_MS, 0)
        .put(ConfigKeys.TOKEN_CACHE_SECONDS, 30)
        .put(ConfigKeys.RATE_LIMIT_PER_SECOND, 200)
        .put(ConfigKeys.RATE_LIMIT_BURST, 400)
        .put(ConfigKeys.PORTAL_ROLE_SETTLE_SECONDS, 3600)
        .put(ConfigKeys.OUTBOX_POLL_MS, 1000)
        .put(ConfigKeys.QUEUE_MAX_ATTEMPTS, 5)
        .put(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, "")
        .put(ConfigKeys.WEBHOOK_RETRY_SCHEDULE, "0,5s,5m,30m,2h,5h,10h,10h")
        .put(ConfigKeys.WEBHOOK_DISABLE_AFTER, "5d")
        .put(ConfigKeys.WEBHOOK_SECRET_GRACE, "24h")
        .put(ConfigKeys.WEBHOOK_TIMEOUT, "15s")
        .put(ConfigKeys.WEBHOOK_CONCURRENCY, 64)
        .put(ConfigKeys.WEBHOOK_ENDPOINT_CONCURRENCY, 32)
        .put(ConfigKeys.WEBHOOK_POLL, "1s");
  }
}
