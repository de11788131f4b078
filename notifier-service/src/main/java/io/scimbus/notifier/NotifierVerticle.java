package io.scimbus.notifier;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.Topics;
import io.scimbus.contract.ScimReply;
import io.scimbus.runtime.CommittingConsumer;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.bus.Deadline;
import io.scimbus.runtime.deadletter.DeadLetterActions;
import io.scimbus.runtime.deadletter.DeadLetterStore;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Set;

/** notifier-service: consumes provisioning events from Kafka and keeps the tenant's event log. */
public final class NotifierVerticle extends VerticleBase {
  public static final String SERVICE = "notifier";
  private static final String CONSUMER_GROUP = "scimbus-notifier";
  private static final int MAX_EVENTS = 1000;
  private static final String DEAD_LETTER_TABLE = "notifier_dead_letters";

  private final ServiceContext context;
  private Pool pool;
  private CommittingConsumer<ProvisioningEvent> consumer;

  public NotifierVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    pool = PgPools.create(vertx, context.config());
    EventLog log = new EventLog();
    Database db = new Database(pool);
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    // The event log is keyed by event id, so a replayed batch has no second effect.
    consumer = new CommittingConsumer<>(vertx, context.config(), CONSUMER_GROUP,
        Set.of(Topics.USER_EVENTS, Topics.GROUP_EVENTS), ProvisioningEvent::fromJson,
        events -> db.transaction(Deadline.NONE, tx -> log.record(tx, events)), pool, deadLetters);
    return Migrations.apply(vertx, pool, SERVICE)
        .compose(v -> new DeadLetterActions(pool, deadLetters, consumer).registerOn(new ActionRouter())
            .on(Actions.EVENTS, request -> events(db, log, request))
            .register(vertx.eventBus(), BusAddresses.NOTIFIER))
        .compose(registered -> consumer.start());
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(pool::close);
  }

  private static Future<ScimReply> events(Database db, EventLog log, BusRequest request) {
    int limit = Math.min(request.queryInt("count", MAX_EVENTS), MAX_EVENTS);
    return db.read(request.deadline(), conn -> log.list(conn, request.tenant(), limit))
        .map(events -> ScimReply.ok(new JsonObject().put("events", events), null));
  }
}
