package io.scimbus.testsupport;

import io.scimbus.devstack.Eventually;
import io.scimbus.devstack.FreePorts;
import io.scimbus.devstack.TestInfrastructure;
import io.scimbus.gateway.GatewayMain;
import io.scimbus.groups.GroupsMain;
import io.scimbus.notifier.NotifierMain;
import io.scimbus.policy.PolicyMain;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.users.UsersMain;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole suite as a real Hazelcast cluster inside the test JVM: one clustered Vert.x member per service, so every
 * request crosses the wire between members exactly as between pods. One shared instance serves all test classes;
 * tests isolate themselves with a fresh tenant each.
 */
public final class ScimbusCluster implements AutoCloseable {
  public static final String GATEWAY = GatewayMain.DEFINITION.name();
  public static final String USERS = UsersMain.DEFINITION.name();
  public static final String GROUPS = GroupsMain.DEFINITION.name();
  public static final String POLICY = PolicyMain.DEFINITION.name();
  public static final String NOTIFIER = NotifierMain.DEFINITION.name();
  /** The test cluster's webhook retry waits: eight attempts within about five seconds. */
  public static final String WEBHOOK_RETRY_SCHEDULE = "0,50ms,100ms,200ms,400ms,800ms,1600ms,1600ms";
  /** The test cluster's webhook failing period, shorter than its retry schedule. */
  public static final String WEBHOOK_DISABLE_AFTER = "2s";
  private static final Duration LEAVE_PATIENCE = Duration.ofSeconds(60);
  private static final List<ServiceDefinition> SERVICES = List.of(UsersMain.DEFINITION, GroupsMain.DEFINITION,
      PolicyMain.DEFINITION, NotifierMain.DEFINITION, GatewayMain.DEFINITION);
  private static ScimbusCluster shared;

  // a gateway's rolling replacement listens on a port of its own, which then becomes the cluster's entry point
  private volatile ServiceConfig config;
  private final Map<String, ServiceRunner.Running> members = new LinkedHashMap<>();
  private final List<ServiceRunner.Running> extraGateways = new ArrayList<>();
  private final List<ServiceRunner.Running> surges = new ArrayList<>();

  private ScimbusCluster(ServiceConfig config, List<ServiceDefinition> services) {
    this.config = config;
    List<Future<ServiceRunner.Running>> starts = services.stream()
        .map(service -> ServiceRunner.start(config, List.of(service))).toList();
    for (int i = 0; i < services.size(); i++) {
      members.put(services.get(i).name(), await(starts.get(i)));
    }
  }

  public static synchronized ScimbusCluster shared() {
    if (shared == null) {
      shared = new ScimbusCluster(freshConfig(new JsonObject()), SERVICES);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-cluster-stop"));
    }
    return shared;
  }

  /**
   * A cluster of its own, for a test that breaks things (kills a member, stops Kafka): its own Hazelcast cluster
   * name and ports, only the named {@code services} as members in this JVM (others may join as JVMs of their own,
   * see {@link ServiceJvm}), and {@code overrides} over the shared settings, such as a database or a Kafka of its
   * own. Close it when done.
   */
  public static ScimbusCluster isolated(List<String> services, JsonObject overrides) {
    List<ServiceDefinition> members = SERVICES.stream().filter(s -> services.contains(s.name())).toList();
    return new ScimbusCluster(freshConfig(overrides), members);
  }

  /** A new cluster's settings (its own name, ports and secrets), with {@code overrides} over them. */
  private static ServiceConfig freshConfig(JsonObject overrides) {
    TestInfrastructure infra = TestInfrastructure.get();
    int httpPort = FreePorts.next();
    JsonObject values = new JsonObject();
    // a cluster with a database or a broker of its own never waits for the shared one to start
    if (!overrides.containsKey(ConfigKeys.PG_URI)) {
      values.put(ConfigKeys.PG_URI, infra.pgUri());
    }
    if (!overrides.containsKey(ConfigKeys.KAFKA_BOOTSTRAP)) {
      values.put(ConfigKeys.KAFKA_BOOTSTRAP, infra.kafkaBootstrap());
    }
    return ServiceRunner.config(values
        .put(ConfigKeys.CLUSTER_NAME, "scimbus-test-" + UUID.randomUUID())
        .put(ConfigKeys.CLUSTER_PORT, FreePorts.next())
        .put(ConfigKeys.HTTP_HOST, "127.0.0.1")
        .put(ConfigKeys.HTTP_PORT, httpPort)
        .put(ConfigKeys.PUBLIC_BASE_URL, "http://127.0.0.1:" + httpPort)
        .put(ConfigKeys.OUTBOX_POLL_MS, 200)
        .put(ConfigKeys.JWT_SECRET, UUID.randomUUID().toString())
        .put(ConfigKeys.ADMIN_TOKEN, "admin-" + UUID.randomUUID())
        .put(ConfigKeys.WEBHOOK_SECRET_KEYS, "test:" + randomKey())
        // receivers in tests listen on loopback; retries and the failing period are compressed to fit a test
        .put(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, "127.0.0.0/8")
        .put(ConfigKeys.WEBHOOK_RETRY_SCHEDULE, WEBHOOK_RETRY_SCHEDULE)
        .put(ConfigKeys.WEBHOOK_DISABLE_AFTER, WEBHOOK_DISABLE_AFTER)
        .put(ConfigKeys.WEBHOOK_POLL, "100ms")
        .mergeIn(overrides));
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Base URL of the gateway, e.g. {@code http://127.0.0.1:PORT}. */
  public String gatewayUrl() {
    return config.string(ConfigKeys.PUBLIC_BASE_URL);
  }

  public ServiceConfig config() {
    return config;
  }

  /** A client of the admin API ({@code /admin/v1}) holding the admin token. */
  public ScimClient admin() {
    return new ScimClient(gatewayUrl() + "/admin/v1", config.string(ConfigKeys.ADMIN_TOKEN), null);
  }

  /** A client for a brand-new tenant, onboarded through the admin API as an operator would, with a valid token. */
  public ScimClient newTenant() {
    return newTenant(null);
  }

  /** Like {@link #newTenant()}, with a profile preset ({@code minimal-users}, ...) chosen at onboarding. */
  public ScimClient newTenant(String preset) {
    String tenant = "t-" + UUID.randomUUID();
    JsonObject request = new JsonObject().put("id", tenant);
    if (preset != null) {
      request.put("profile", preset);
    }
    ScimClient.Response created = admin().post("/tenants", request);
    if (created.status() != 201) {
      throw new IllegalStateException("tenant onboarding failed: " + created);
    }
    return new ScimClient(created.json().getString("scimBaseUrl"), tokenFor(tenant), tenant);
  }

  /** A new token for an existing tenant, issued through the admin API. */
  public String tokenFor(String tenant) {
    ScimClient.Response issued = admin().post("/tenants/" + tenant + "/tokens", new JsonObject());
    if (issued.status() != 201) {
      throw new IllegalStateException("token issue failed: " + issued);
    }
    return issued.json().getString("token");
  }

  /** Starts another gateway replica in the cluster on its own port; returns its base URL. */
  public String startExtraGateway() {
    return startExtraGateway(new JsonObject());
  }

  /** Starts another gateway replica with configuration {@code overrides} (rate limits, cache TTL, ...). */
  public synchronized String startExtraGateway(JsonObject overrides) {
    ServiceConfig gatewayConfig = ownHttpPort(config.toJson().mergeIn(overrides));
    extraGateways.add(await(ServiceRunner.start(gatewayConfig, List.of(GatewayMain.DEFINITION))));
    return gatewayConfig.string(ConfigKeys.PUBLIC_BASE_URL);
  }

  private static ServiceConfig ownHttpPort(JsonObject values) {
    int port = FreePorts.next();
    return new ServiceConfig(values.put(ConfigKeys.HTTP_PORT, port)
        .put(ConfigKeys.PUBLIC_BASE_URL, "http://127.0.0.1:" + port));
  }

  /**
   * A rolling update's surge (maxSurge 1): a second member of {@code service} beside the current one, with the
   * cluster's settings (a gateway on an HTTP port of its own). It is started, not yet ready: wait for its readiness
   * before {@link #promote} takes the old member out of service.
   */
  public synchronized Surge surge(String service) {
    ServiceConfig surgeConfig = GATEWAY.equals(service) ? ownHttpPort(config.toJson()) : config;
    Surge surge = new Surge(await(ServiceRunner.start(surgeConfig, List.of(definition(service)))), surgeConfig);
    // closed with the cluster unless promoted, so a rollout that fails half-way leaves no member behind
    surges.add(surge.running());
    return surge;
  }

  /**
   * Makes {@code surge} its service's member, a gateway the cluster's entry point ({@link #gatewayUrl()}), and
   * returns the member it replaces, still running: the caller shuts it down as SIGTERM would
   * ({@link ServiceRunner.Running#shutdown()}), then waits with {@link #awaitLeft} before the next member starts.
   */
  public synchronized ServiceRunner.Running promote(String service, Surge surge) {
    surges.remove(surge.running());
    if (GATEWAY.equals(service)) {
      config = surge.config();
    }
    return members.put(service, surge.running());
  }

  /** A member started by {@link #surge}, with the settings it runs on. */
  public record Surge(ServiceRunner.Running running, ServiceConfig config) {
    /** Its health port: {@code /health/ready} says when it can take work. */
    public int healthPort() {
      return running.healthPort();
    }

    /** A gateway's own base URL. */
    public String gatewayUrl() {
      return config.string(ConfigKeys.PUBLIC_BASE_URL);
    }
  }

  /** The clustered Vert.x of one service member. */
  public ServiceRunner.Running member(String service) {
    return members.get(service);
  }

  /** Stops a service's member, as if its pod died; returns once the members left no longer list it. */
  public void stop(String service) {
    Vertx leaving = members.remove(service).vertx();
    String nodeId = clusterManager(leaving).getNodeId();
    await(leaving.close());
    awaitLeft(nodeId);
  }

  /**
   * Returns once no member lists {@code nodeId} any more. Restarted at once, a member can take the address of the
   * one that left while its peers still list that one; Hazelcast then swaps the two, and the bus loses sight of the
   * new member's handlers for a while. A pod restarted by Kubernetes comes back long after its peers saw it leave.
   */
  public void awaitLeft(String nodeId) {
    Eventually.await(LEAVE_PATIENCE, () -> members.values().stream()
            .anyMatch(running -> clusterManager(running.vertx()).getNodes().contains(nodeId)),
        stillListed -> !stillListed);
  }

  /** The Hazelcast node id of a member, to tell when its peers have seen it leave. */
  public static String nodeId(ServiceRunner.Running member) {
    return clusterManager(member.vertx()).getNodeId();
  }

  private static ClusterManager clusterManager(Vertx vertx) {
    return ((VertxInternal) vertx).clusterManager();
  }

  /** Starts a service's member again; returns once it is registered on the bus. */
  public void restart(String service) {
    members.put(service, await(ServiceRunner.start(config, List.of(definition(service)))));
  }

  private static ServiceDefinition definition(String service) {
    return SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cluster member did not start or stop within 120 s", e);
    }
  }

  @Override
  public synchronized void close() {
    extraGateways.forEach(running -> await(running.vertx().close()));
    extraGateways.clear();
    surges.forEach(running -> await(running.vertx().close()));
    surges.clear();
    members.values().forEach(running -> await(running.vertx().close()));
    members.clear();
  }
}
