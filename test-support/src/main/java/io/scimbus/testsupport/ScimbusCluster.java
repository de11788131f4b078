package io.scimbus.testsupport;

import io.scimbus.devstack.FreePorts;
import io.scimbus.gateway.GatewayMain;
import io.scimbus.gateway.TenantTokens;
import io.scimbus.groups.GroupsMain;
import io.scimbus.notifier.NotifierMain;
import io.scimbus.policy.PolicyMain;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.users.UsersMain;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
public final class ScimbusCluster {
  public static final String GATEWAY = GatewayMain.DEFINITION.name();
  public static final String USERS = UsersMain.DEFINITION.name();
  private static final List<ServiceDefinition> SERVICES = List.of(UsersMain.DEFINITION, GroupsMain.DEFINITION,
      PolicyMain.DEFINITION, NotifierMain.DEFINITION, GatewayMain.DEFINITION);
  private static ScimbusCluster shared;

  private final ServiceConfig config;
  private final Map<String, ServiceRunner.Running> members = new LinkedHashMap<>();
  private final TenantTokens tokens;

  private ScimbusCluster(ServiceConfig config) {
    this.config = config;
    List<Future<ServiceRunner.Running>> starts = SERVICES.stream()
        .map(service -> ServiceRunner.start(config, List.of(service))).toList();
    for (int i = 0; i < SERVICES.size(); i++) {
      members.put(SERVICES.get(i).name(), await(starts.get(i)));
    }
    this.tokens = new TenantTokens(members.get(GATEWAY).vertx(), config.string(ConfigKeys.JWT_SECRET));
  }

  public static synchronized ScimbusCluster shared() {
    if (shared == null) {
      shared = new ScimbusCluster(freshConfig());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-cluster-stop"));
    }
    return shared;
  }

  private static ServiceConfig freshConfig() {
    TestInfrastructure infra = TestInfrastructure.get();
    int httpPort = FreePorts.next();
    return ServiceRunner.config(new JsonObject()
        .put(ConfigKeys.CLUSTER_NAME, "scimbus-test-" + UUID.randomUUID())
        .put(ConfigKeys.CLUSTER_PORT, FreePorts.next())
        .put(ConfigKeys.PG_URI, infra.pgUri())
        .put(ConfigKeys.KAFKA_BOOTSTRAP, infra.kafkaBootstrap())
        .put(ConfigKeys.HTTP_HOST, "127.0.0.1")
        .put(ConfigKeys.HTTP_PORT, httpPort)
        .put(ConfigKeys.PUBLIC_BASE_URL, "http://127.0.0.1:" + httpPort)
        .put(ConfigKeys.BUS_TIMEOUT_MS, 3000)
        .put(ConfigKeys.OUTBOX_POLL_MS, 200)
        .put(ConfigKeys.JWT_SECRET, UUID.randomUUID().toString()));
  }

  /** Base URL of the gateway, e.g. {@code http://127.0.0.1:PORT}. */
  public String gatewayUrl() {
    return config.string(ConfigKeys.PUBLIC_BASE_URL);
  }

  public ServiceConfig config() {
    return config;
  }

  /** A client for a brand-new tenant with a valid token. */
  public ScimClient newTenant() {
    String tenant = "t-" + UUID.randomUUID();
    return new ScimClient(gatewayUrl() + "/scim/v2/" + tenant, tokens.issue(tenant), tenant);
  }

  public String tokenFor(String tenant) {
    return tokens.issue(tenant);
  }

  /** The clustered Vert.x of one service member. */
  public ServiceRunner.Running member(String service) {
    return members.get(service);
  }

  /** Stops one service's member, as if its pod died. */
  public void stop(String service) {
    await(members.remove(service).vertx().close());
  }

  /** Starts a service's member again; returns once it is registered on the bus. */
  public void restart(String service) {
    ServiceDefinition definition = SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
    members.put(service, await(ServiceRunner.start(config, List.of(definition))));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(120, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cluster member did not start or stop within 120 s", e);
    }
  }

  private void close() {
    members.values().forEach(running -> await(running.vertx().close()));
    members.clear();
  }
}
