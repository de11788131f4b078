package io.scimbus.users;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.Topics;
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

/** users-service: migrates its tables, then serves {@link BusAddresses#USERS} and relays its outbox to Kafka. */
public final class UsersVerticle extends VerticleBase {
  public static final String SERVICE = "users";
  private static final String OUTBOX_TABLE = "users_outbox";
  private static final String DEAD_LETTER_TABLE = "users_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private ResourceEvents events;
  private ActionRouter router;
  private TenantProfiles<UserRules> profiles;

  public UsersVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    events = new ResourceEvents(vertx, pool, context.config(), Topics.USER_EVENTS, OUTBOX_TABLE, DEAD_LETTER_TABLE);
    profiles = new TenantProfiles<>(vertx, UserRules::of);
    UserService users = new UserService(new Database(pool), profiles, events);
    PgReadiness.register(context.readiness(), "users-db", pool);
    Readiness.register(context.readiness(), "users-kafka-producer", events::publishing,
        "events cannot reach Kafka");
    router = events.router();
    return Migrations.apply(vertx, context.config(), SERVICE)
        .compose(v -> events.createTopic())
        .compose(v -> profiles.start())
        .compose(v -> router
            .on(Actions.CREATE, users::create)
            .on(Actions.GET, users::get)
            .on(Actions.LIST, users::list)
            .on(Actions.REPLACE, users::replace)
            .on(Actions.PATCH, users::patch)
            .on(Actions.DELETE, users::delete)
            .register(vertx.eventBus(), BusAddresses.USERS))
        .onSuccess(consumer -> events.start());
  }

  @Override
  public Future<?> stop() {
    return router.close().eventually(profiles::stop).eventually(events::stop).eventually(pool::close);
  }
}
