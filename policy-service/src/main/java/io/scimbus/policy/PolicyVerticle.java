package io.scimbus.policy;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.ProvisioningLogEntry;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.Topics;
import io.scimbus.core.profile.ProfileDocument;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.events.CommittingConsumer;
import io.scimbus.events.DeadLetterActions;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.policy.discovery.DiscoveryActions;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.PgReadiness;
import io.scimbus.runtime.Readiness;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.bus.Deadline;
import io.scimbus.runtime.store.Database;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.util.Set;

/** policy-service: serves {@link BusAddresses#POLICY}: tenants, their tokens and profiles, discovery, the provisioning log. */
public final class PolicyVerticle extends VerticleBase {
  public static final String SERVICE = "policy";
  private static final String LOG_CONSUMER_GROUP = "scimbus-policy-provisioning-log";
  private static final String DEAD_LETTER_TABLE = "policy_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private CommittingConsumer<ProvisioningLogEntry> logConsumer;
  private ActionRouter router;

  public PolicyVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    TenantRepository tenantRows = new TenantRepository();
    TokenRepository tokenRows = new TokenRepository();
    ProvisioningLogRepository logRows = new ProvisioningLogRepository();
    Database db = new Database(pool);
    TenantActions tenants = new TenantActions(db, vertx.eventBus(), tenantRows, tokenRows);
    TokenActions tokens = new TokenActions(db, vertx.eventBus(), tenantRows, tokenRows);
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    // Entry ids make storing a replayed batch harmless.
    logConsumer = new CommittingConsumer<>(vertx, context.config(), LOG_CONSUMER_GROUP,
        Set.of(Topics.PROVISIONING_LOG), ProvisioningLogEntry::fromJson, entries -> logRows.record(pool, entries),
        pool, deadLetters);
    ActionRouter deadLetterRoutes = new DeadLetterActions(pool, deadLetters, logConsumer).registerOn(new ActionRouter());
    router = new DiscoveryActions(tenant -> profile(db, tenantRows, tenant)).registerOn(deadLetterRoutes)
        .on(Actions.TENANT_CREATE, tenants::create)
        .on(Actions.TENANT_GET, tenants::get)
        .on(Actions.TENANT_LIST, tenants::list)
        .on(Actions.TENANT_UPDATE, tenants::update)
        .on(Actions.TENANT_DELETE, tenants::delete)
        .on(Actions.PROFILE, tenants::profile)
        .on(Actions.PROFILE_SET, tenants::setProfile)
        .on(Actions.TOKEN_CREATE, tokens::create)
        .on(Actions.TOKEN_LIST, tokens::list)
        .on(Actions.TOKEN_REVOKE, tokens::revoke)
        .on(Actions.TOKEN_REGENERATE, tokens::regenerate)
        .on(Actions.TOKEN_STATUS, tokens::status)
        .on(Actions.PROVISIONING_LOG, request -> provisioningLog(db, logRows, request));
    PgReadiness.register(context.readiness(), "policy-db", pool);
    Readiness.register(context.readiness(), "policy-kafka-consumer", logConsumer::ready,
        "no partitions of the provisioning log assigned, or polls failing");
    return Migrations.apply(vertx, context.config(), SERVICE)
        .compose(v -> router.register(vertx.eventBus(), BusAddresses.POLICY))
        .compose(registered -> logConsumer.start());
  }

  @Override
  public Future<?> stop() {
    return router.close().eventually(logConsumer::stop).eventually(pool::close);
  }

  /** The tenant's profile for discovery: a read, with nothing to leave undone when late. */
  private static Future<TenantProfile> profile(Database db, TenantRepository tenants, String tenant) {
    return db.read(Deadline.NONE, conn -> tenants.profile(conn, tenant)).map(document -> {
      if (document == null) {
        throw TenantActions.notFound(tenant);
      }
      return ProfileDocument.parse(PlainJson.map(document));
    });
  }

  private static Future<ScimReply> provisioningLog(Database db, ProvisioningLogRepository log, BusRequest request) {
    ProvisioningLogQuery query = ProvisioningLogQuery.of(request);
    Page page = Page.of(request);
    return db.read(request.deadline(), conn -> log.count(conn, request.tenant(), query)
        .compose(total -> log.page(conn, request.tenant(), query, page)
            .map(entries -> ScimReply.ok(page.body(total, entries), null))));
  }
}
