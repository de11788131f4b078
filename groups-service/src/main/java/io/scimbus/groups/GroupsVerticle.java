package io.scimbus.groups;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.Topics;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.resource.ResourceEvents;
import io.scimbus.resource.TenantProfiles;
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

/** groups-service: migrates its tables, then serves {@link BusAddresses#GROUPS} and relays its outbox to Kafka. */
public final class GroupsVerticle extends VerticleBase {
  public static final String SERVICE = "groups";
  private static final String OUTBOX_TABLE = "groups_outbox";
  private static final String DEAD_LETTER_TABLE = "groups_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private ResourceEvents events;
  private ActionRouter router;
  private TenantProfiles<TenantProfile> profiles;

  public GroupsVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    events = new ResourceEvents(vertx, pool, context.config(), Topics.GROUP_EVENTS, OUTBOX_TABLE, DEAD_LETTER_TABLE);
    GroupService groups = new GroupService(new Database(pool), events);
    profiles = new TenantProfiles<>(vertx, profile -> profile);
    GroupsEnabledGuard enabled = new GroupsEnabledGuard(profiles);
    PgReadiness.register(context.readiness(), "groups-db", pool);
    Readiness.register(context.readiness(), "groups-kafka-producer", events::publishing,
        "events cannot reach Kafka");
    router = events.router();
    return Migrations.apply(vertx, context.config(), SERVICE)
        .compose(v -> events.createTopic())
        .compose(v -> profiles.start())
        .compose(v -> router
            .on(Actions.CREATE, enabled.guard(groups::create))
            .on(Actions.GET, enabled.guard(groups::get))
            .on(Actions.LIST, enabled.guard(groups::list))
            .on(Actions.REPLACE, enabled.guard(groups::replace))
            .on(Actions.PATCH, enabled.guard(groups::patch))
            .on(Actions.DELETE, enabled.guard(groups::delete))
            .register(vertx.eventBus(), BusAddresses.GROUPS))
        .onSuccess(consumer -> events.start());
  }

  @Override
  public Future<?> stop() {
    return router.close().eventually(profiles::stop).eventually(events::stop).eventually(pool::close);
  }
}
