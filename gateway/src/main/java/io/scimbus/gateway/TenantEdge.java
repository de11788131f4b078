package io.scimbus.gateway;

import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.Topics;
import io.scimbus.contract.TokensRevoked;
import io.scimbus.gateway.console.AdminSecret;
import io.scimbus.gateway.console.ConsoleRoutes;
import io.scimbus.gateway.console.ConsoleSessions;
import io.scimbus.gateway.console.SessionCheck;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.ServiceConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does per tenant before a SCIM request is forwarded (authenticate and bind the tenant, record
 * writes in the provisioning log, rate limit) and the admin API that manages tenants. Built and started by
 * {@link GatewayVerticle}.
 */
final class TenantEdge {
  private static final Logger LOG = LoggerFactory.getLogger(TenantEdge.class);
  private static final long EVICT_IDLE_MS = 60_000;

  private final Vertx vertx;
  private final ServiceConfig config;
  private final JwtKeys keys;
  private final TokenStatusCache tokenStatus;
  private final RateLimiter limiter;
  private final ProvisioningLogRecorder recorder;
  private final AdminSecret adminSecret;
  private final ConsoleSessions consoleSessions;
  private final AdminAuthHandler adminAuth;
  private MessageConsumer<JsonObject> revocations;
  private long evictTimer = -1;

  TenantEdge(Vertx vertx, ServiceConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.keys = JwtKeys.from(config);
    this.tokenStatus = new TokenStatusCache(vertx.eventBus(), config.longValue(ConfigKeys.TOKEN_CACHE_SECONDS),
        config.longValue(ConfigKeys.BUS_TIMEOUT_MS), System::nanoTime);
    this.limiter = new RateLimiter(Double.parseDouble(config.string(ConfigKeys.RATE_LIMIT_PER_SECOND)),
        Double.parseDouble(config.string(ConfigKeys.RATE_LIMIT_BURST)), System::nanoTime);
    this.recorder = new ProvisioningLogRecorder(vertx, config);
    this.adminSecret = AdminSecret.of(config.string(ConfigKeys.ADMIN_TOKEN, null));
    this.consoleSessions = ConsoleSessions.of(adminSecret);
    this.adminAuth = new AdminAuthHandler(adminSecret, new SessionCheck(consoleSessions));
  }

  /** Authenticates, records and limits every request of {@code scimRoute}, in that order. */
  void protect(Route scimRoute) {
    scimRoute.handler(new BearerAuthHandler(new TokenVerifier(vertx, keys), tokenStatus))
        .handler(recorder)
        .handler(new RateLimitHandler(limiter));
  }

  /** Mounts the admin API and the console on it; the future completes once its OpenAPI document is loaded. */
  Future<Void> mountAdmin(Router router, ServiceClient client) {
    if (!adminAuth.enabled()) {
      LOG.warn("admin API disabled: {} is not set; /admin/v1 answers 503", ConfigKeys.ADMIN_TOKEN);
    }
    return vertx.fileSystem().readFile(AdminRoutes.OPENAPI_RESOURCE).map(openApi -> {
      new AdminRoutes(client, new TokenIssuer(vertx, keys), adminAuth, openApi).mount(router);
      new ConsoleRoutes(adminSecret, consoleSessions, config.string(ConfigKeys.PUBLIC_BASE_URL)).mount(router);
      return null;
    });
  }

  /** Listens for revocations; the future completes once every replica's broadcast can reach this one. */
  Future<Void> start() {
    evictTimer = vertx.setPeriodic(EVICT_IDLE_MS, id -> limiter.evictIdle());
    // Not awaited: the gateway serves SCIM while Kafka is away, and policy-service creates the topic as well.
    KafkaTopics.ensure(vertx, config, Set.of(Topics.PROVISIONING_LOG)).onFailure(e ->
        LOG.warn("could not ensure topic {}: {}", Topics.PROVISIONING_LOG, e.toString()));
    revocations = vertx.eventBus().consumer(BusAddresses.TOKENS_REVOKED,
        message -> tokenStatus.revoked(TokensRevoked.fromJson(message.body())));
    return revocations.completion();
  }

  Future<Void> stop() {
    vertx.cancelTimer(evictTimer);
    Future<Void> unregistered = revocations == null ? Future.succeededFuture() : revocations.unregister();
    return unregistered.eventually(recorder::close);
  }
}
