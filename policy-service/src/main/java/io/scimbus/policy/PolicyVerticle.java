package io.scimbus.policy;

import io.scimbus.contract.BusAddresses;
import io.scimbus.events.DeadLetterActions;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.policy.discovery.DiscoveryActions;
import io.scimbus.policy.log.ProvisioningLog;
import io.scimbus.policy.portal.Portals;
import io.scimbus.policy.tenant.TenantActions;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.policy.token.TokenActions;
import io.scimbus.policy.token.TokenRepository;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.PgReadiness;
import io.scimbus.runtime.Readiness;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;

/**
 * policy-service: serves {@link BusAddresses#POLICY}. Each domain (tenants, tokens, discovery, the provisioning log,
 * portals and devices) registers its own actions; this class only wires them.
 */
public final class PolicyVerticle extends VerticleBase {
  public static final String SERVICE = "policy";
  private static final String DEAD_LETTER_TABLE = "policy_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private ProvisioningLog log;
  private Portals portals;
  private ActionRouter router;

  public PolicyVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    Database db = new Database(pool);
    TenantRepository tenantRows = new TenantRepository();
    TokenRepository tokenRows = new TokenRepository();
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    TenantActions tenants = new TenantActions(db, vertx.eventBus(), tenantRows, tokenRows);
    log = new ProvisioningLog(vertx, context.config(), pool, deadLetters);
    portals = new Portals(vertx, context.config(), pool, tenantRows, deadLetters);
    router = new DeadLetterActions(pool, deadLetters,
        new DeadLetterQueues(log.consumer(), portals.consumer(), portals.relay())).registerOn(new ActionRouter());
    tenants.registerOn(router);
    new TokenActions(db, vertx.eventBus(), tenantRows, tokenRows).registerOn(router);
    new DiscoveryActions(tenants::profileOf).registerOn(router);
    log.registerOn(router);
    portals.registerOn(router);
    PgReadiness.register(context.readiness(), "policy-db", pool);
    Readiness.register(context.readiness(), "policy-kafka-consumer", log.consumer()::ready,
        "no partitions of the provisioning log assigned, or polls failing");
    Readiness.register(context.readiness(), "policy-portal-consumer", portals.consumer()::ready,
        "no partitions of the user and group events assigned, or polls failing");
    return Migrations.apply(vertx, context.config(), SERVICE)
        .compose(v -> router.register(vertx.eventBus(), BusAddresses.POLICY))
        .compose(registered -> log.start())
        .compose(v -> portals.start());
  }

  @Override
  public Future<?> stop() {
    return router.close().eventually(log::stop).eventually(portals::stop).eventually(pool::close);
  }
}
