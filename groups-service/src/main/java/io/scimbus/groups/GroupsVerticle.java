package io.scimbus.groups;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.Topics;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.events.DeadLetterActions;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.events.OutboxRelay;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.PgReadiness;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.TenantProfiles;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import java.util.Set;

/** groups-service: migrates its tables, then serves {@link BusAddresses#GROUPS} and relays its outbox to Kafka. */
public final class GroupsVerticle extends VerticleBase {
  public static final String SERVICE = "groups";
  static final String OUTBOX_TABLE = "groups_outbox";
  static final String DEAD_LETTER_TABLE = "groups_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private OutboxRelay relay;
  private TenantProfiles<TenantProfile> profiles;

  public GroupsVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    relay = new OutboxRelay(vertx, pool, context.config(), OUTBOX_TABLE, deadLetters);
    GroupService groups = new GroupService(new Database(pool), relay);
    profiles = new TenantProfiles<>(vertx, profile -> profile);
    GroupsEnabledGuard enabled = new GroupsEnabledGuard(profiles);
    PgReadiness.register(context.readiness(), "groups-db", pool);
    return Migrations.apply(vertx, pool, SERVICE)
        .compose(v -> KafkaTopics.ensure(vertx, context.config(), Set.of(Topics.GROUP_EVENTS)))
        .compose(v -> profiles.start())
        .compose(v -> new DeadLetterActions(pool, deadLetters, relay).registerOn(new ActionRouter())
            .on(Actions.CREATE, enabled.guard(groups::create))
            .on(Actions.GET, enabled.guard(groups::get))
            .on(Actions.LIST, enabled.guard(groups::list))
            .on(Actions.REPLACE, enabled.guard(groups::replace))
            .on(Actions.PATCH, enabled.guard(groups::patch))
            .on(Actions.DELETE, enabled.guard(groups::delete))
            .register(vertx.eventBus(), BusAddresses.GROUPS))
        .onSuccess(consumer -> relay.start());
  }

  @Override
  public Future<?> stop() {
    return profiles.stop().eventually(relay::stop).eventually(pool::close);
  }
}
