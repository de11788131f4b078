package io.scimbus.runtime;

/**
 * Every configuration key of every service, in one place. The same names work in a JSON config file and as
 * environment variables; the environment wins (12-factor, and what Kubernetes Deployments set).
 */
public final class ConfigKeys {
  /** Path of an optional JSON config file. */
  public static final String CONFIG_FILE = "SCIMBUS_CONFIG";

  /** Hazelcast cluster name; members with another name never join. */
  public static final String CLUSTER_NAME = "SCIMBUS_CLUSTER_NAME";
  /** {@code tcp} (TCP-IP join on {@link #CLUSTER_MEMBERS}) or {@code kubernetes} (DNS discovery). */
  public static final String CLUSTER_DISCOVERY = "SCIMBUS_CLUSTER_DISCOVERY";
  /** Comma-separated hosts for TCP-IP join. */
  public static final String CLUSTER_MEMBERS = "SCIMBUS_CLUSTER_MEMBERS";
  /** Address Hazelcast and the event bus bind to and advertise. */
  public static final String CLUSTER_HOST = "SCIMBUS_CLUSTER_HOST";
  /** First Hazelcast port; the next 19 are tried when taken. */
  public static final String CLUSTER_PORT = "SCIMBUS_CLUSTER_PORT";
  /** Headless service DNS name for Kubernetes discovery. */
  public static final String CLUSTER_K8S_SERVICE_DNS = "SCIMBUS_CLUSTER_K8S_SERVICE_DNS";

  /** PostgreSQL URI, e.g. {@code postgresql://app:app@127.0.0.1:5432/app}. */
  public static final String PG_URI = "SCIMBUS_PG_URI";
  public static final String PG_POOL_SIZE = "SCIMBUS_PG_POOL_SIZE";

  /** Kafka bootstrap servers. */
  public static final String KAFKA_BOOTSTRAP = "SCIMBUS_KAFKA_BOOTSTRAP";
  /** Partitions of event topics created at start-up; events of one resource always share a partition. */
  public static final String KAFKA_PARTITIONS = "SCIMBUS_KAFKA_PARTITIONS";
  /** Replication factor of event topics created at start-up (1 on a laptop, 3 in production). */
  public static final String KAFKA_REPLICATION = "SCIMBUS_KAFKA_REPLICATION";
  /** Kafka's {@code security.protocol}: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
  public static final String KAFKA_SECURITY_PROTOCOL = "SCIMBUS_KAFKA_SECURITY_PROTOCOL";
  /** Kafka's {@code sasl.mechanism}, e.g. SCRAM-SHA-512; unset for no SASL. */
  public static final String KAFKA_SASL_MECHANISM = "SCIMBUS_KAFKA_SASL_MECHANISM";
  /** Kafka's {@code sasl.jaas.config}: holds the credentials, so it comes from a Secret. */
  public static final String KAFKA_SASL_JAAS_CONFIG = "SCIMBUS_KAFKA_SASL_JAAS_CONFIG";
  /** PEM file of the CA that signed the brokers' certificates; unset for the JVM's trust store. */
  public static final String KAFKA_SSL_CA_FILE = "SCIMBUS_KAFKA_SSL_CA_FILE";

  /** Port of the gateway's public HTTP server. */
  public static final String HTTP_PORT = "SCIMBUS_HTTP_PORT";
  /** Host the gateway's HTTP server binds to. */
  public static final String HTTP_HOST = "SCIMBUS_HTTP_HOST";
  /** Absolute URL clients reach the gateway at; {@code meta.location} and {@code Location} are built from it. */
  public static final String PUBLIC_BASE_URL = "SCIMBUS_PUBLIC_BASE_URL";
  /** Largest request body the gateway accepts, in bytes. */
  public static final String MAX_PAYLOAD_BYTES = "SCIMBUS_MAX_PAYLOAD_BYTES";
  /** Deepest nesting of objects and arrays the gateway parses in a JSON body. */
  public static final String MAX_JSON_DEPTH = "SCIMBUS_MAX_JSON_DEPTH";
  /** Longest JSON string, in characters, the gateway parses in a body; attribute limits are checked later. */
  public static final String MAX_JSON_STRING_CHARS = "SCIMBUS_MAX_JSON_STRING_CHARS";
  /** Longest HTTP request line (method, URI with query, version) the gateway reads; longer answers 414. */
  public static final String MAX_REQUEST_LINE_BYTES = "SCIMBUS_MAX_REQUEST_LINE_BYTES";
  /** Largest total size of the HTTP request headers the gateway reads; larger answers 431. */
  public static final String MAX_HEADER_BYTES = "SCIMBUS_MAX_HEADER_BYTES";
  /** How long the gateway waits for a service reply before answering 503. */
  public static final String BUS_TIMEOUT_MS = "SCIMBUS_BUS_TIMEOUT_MS";

  /** Port of the health and metrics server every service runs (0 = any free port). */
  public static final String HEALTH_PORT = "SCIMBUS_HEALTH_PORT";
  /** How long one event-loop task may run before {@code /health/live} reports the service DOWN. */
  public static final String LIVENESS_BLOCKED_MS = "SCIMBUS_LIVENESS_BLOCKED_MS";
  /** On SIGTERM, how long readiness is DOWN before work stops, so load balancers stop sending new requests. */
  public static final String SHUTDOWN_DELAY_MS = "SCIMBUS_SHUTDOWN_DELAY_MS";

  /**
   * HMAC secret that signs and verifies tenant tokens, as the single key with kid {@code default}. Used only when
   * {@link #JWT_KEYS} is not set.
   */
  public static final String JWT_SECRET = "SCIMBUS_JWT_SECRET";
  /** Tenant-token keys for rotation, {@code kid1:secret1,kid2:secret2}: every key verifies. */
  public static final String JWT_KEYS = "SCIMBUS_JWT_KEYS";
  /** The kid of {@link #JWT_KEYS} that signs new tokens. */
  public static final String JWT_SIGNING_KID = "SCIMBUS_JWT_SIGNING_KID";
  /** Static bearer secret of the admin API; without it the admin API answers 503. */
  public static final String ADMIN_TOKEN = "SCIMBUS_ADMIN_TOKEN";
  /** How long a gateway trusts a cached "token is active" before asking policy-service again. */
  public static final String TOKEN_CACHE_SECONDS = "SCIMBUS_TOKEN_CACHE_SECONDS";
  /** Sustained SCIM requests per second per tenant, per gateway replica. */
  public static final String RATE_LIMIT_PER_SECOND = "SCIMBUS_RATE_LIMIT_PER_SECOND";
  /** Requests per tenant a gateway replica lets through at once above the sustained rate. */
  public static final String RATE_LIMIT_BURST = "SCIMBUS_RATE_LIMIT_BURST";

  /**
   * Policy-service: for how many seconds after a Dashboard collaborator is created its role follows the user's mapped
   * groups (highest wins) in {@code first-provisioning} mode, since IdPs add a new user to its groups after creating
   * it, one group at a time; afterwards the role is fixed.
   */
  public static final String PORTAL_ROLE_SETTLE_SECONDS = "SCIMBUS_PORTAL_ROLE_SETTLE_SECONDS";

  /** How often the outbox relay looks for unpublished events when nothing woke it. */
  public static final String OUTBOX_POLL_MS = "SCIMBUS_OUTBOX_POLL_MS";
  /**
   * How often a queue tries one record before it parks it in the service's dead-letter table: an outbox row Kafka
   * refuses for itself (not because it is away), or a consumed batch whose store keeps failing (then each record of
   * it is tried alone once more).
   */
  public static final String QUEUE_MAX_ATTEMPTS = "SCIMBUS_QUEUE_MAX_ATTEMPTS";

  /**
   * Keys that encrypt webhook secrets at rest (AES-GCM), {@code kid1:base64key,kid2:base64key} with 16, 24 or 32
   * byte keys: the first encrypts, every one decrypts, so a key is rotated by putting the new one first.
   */
  public static final String WEBHOOK_SECRET_KEYS = "SCIMBUS_WEBHOOK_SECRET_KEYS";
  /**
   * Networks (CIDRs, comma-separated) webhook targets may be in although they are private, loopback or link-local,
   * which are refused otherwise (no SSRF into the cluster). {@code ./scimbus up} allows loopback.
   */
  public static final String WEBHOOK_ALLOWED_NETWORKS = "SCIMBUS_WEBHOOK_ALLOWED_NETWORKS";
  /** Waits before each webhook attempt, e.g. {@code 0,5s,5m,30m,2h,5h,10h,10h}; its length is the attempts. */
  public static final String WEBHOOK_RETRY_SCHEDULE = "SCIMBUS_WEBHOOK_RETRY_SCHEDULE";
  /** An endpoint failing for this long (e.g. {@code 5d}) is disabled; its undelivered events become dead letters. */
  public static final String WEBHOOK_DISABLE_AFTER = "SCIMBUS_WEBHOOK_DISABLE_AFTER";
  /** How long the secret replaced by a rotation still signs deliveries, beside the new one. */
  public static final String WEBHOOK_SECRET_GRACE = "SCIMBUS_WEBHOOK_SECRET_GRACE";
  /** The most one webhook attempt may take, connection included. */
  public static final String WEBHOOK_TIMEOUT = "SCIMBUS_WEBHOOK_TIMEOUT";
  /** Webhook attempts in flight at once per notifier instance. */
  public static final String WEBHOOK_CONCURRENCY = "SCIMBUS_WEBHOOK_CONCURRENCY";
  /** Webhook attempts in flight at once to one endpoint, across notifier instances (one resource's still in order). */
  public static final String WEBHOOK_ENDPOINT_CONCURRENCY = "SCIMBUS_WEBHOOK_ENDPOINT_CONCURRENCY";
  /** How often the notifier looks for due deliveries when nothing woke it (retries, other replicas' events). */
  public static final String WEBHOOK_POLL = "SCIMBUS_WEBHOOK_POLL";

  private ConfigKeys() {
  }
}
