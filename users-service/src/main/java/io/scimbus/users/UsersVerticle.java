package io.scimbus.users;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.Topics;
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

/** users-service: migrates its tables, then serves {@link BusAddresses#USERS} and relays its outbox to Kafka. */
public final class UsersVerticle extends VerticleBase {
  public static final String SERVICE = "users";
  static final String OUTBOX_TABLE = "users_outbox";
  static final String DEAD_LETTER_TABLE = "users_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private OutboxRelay relay;
  private TenantProfiles<UserRules> profiles;

  public UsersVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    relay = new OutboxRelay(vertx, pool, context.config(), OUTBOX_TABLE, deadLetters);
    profiles = new TenantProfiles<>(vertx, UserRules::of);
    UserService users = new UserService(new Database(pool), profiles, relay);
    PgReadiness.register(context.readiness(), "users-db", pool);
    return Migrations.apply(vertx, pool, SERVICE)
        .compose(v -> KafkaTopics.ensure(vertx, context.config(), Set.of(Topics.USER_EVENTS)))
        .compose(v -> profiles.start())
        .compose(v -> new DeadLetterActions(pool, deadLetters, relay).registerOn(new ActionRouter())
            .on(Actions.CREATE, users::create)
            .on(Actions.GET, users::get)
            .on(Actions.LIST, users::list)
            .on(Actions.REPLACE, users::replace)
            .on(Actions.PATCH, users::patch)
            .on(Actions.DELETE, users::delete)
            .register(vertx.eventBus(), BusAddresses.USERS))
        .onSuccess(consumer -> relay.start());
  }

  @Override
  public Future<?> stop() {
    return profiles.stop().eventually(relay::stop).eventually(pool::close);
  }
}
