package io.scimbus.notifier;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.Topics;
import io.scimbus.events.CommittingConsumer;
import io.scimbus.events.DeadLetterActions;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.events.IdempotentHandler;
import io.scimbus.events.WorkQueue;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.PgReadiness;
import io.scimbus.runtime.Readiness;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * notifier-service, a webhook platform. The Kafka consumer never calls a receiver: in one transaction it records
 * each new event in the tenant's event log and queues one delivery per matching enabled endpoint, and its offsets are
 * committed after. Delivery workers then send from the queue (see {@link DeliveryWorker}), so a notifier stopped at
 * any point loses nothing and a repeated send carries the same {@code webhook-id}.
 */
public final class NotifierVerticle extends VerticleBase {
  public static final String SERVICE = "notifier";
  private static final String CONSUMER_GROUP = "scimbus-notifier";
  private static final String PROCESSED_EVENTS = "notifier_processed_events";
  private static final int MAX_EVENTS = 1000;
  private static final String DEAD_LETTER_TABLE = "notifier_dead_letters";
  // A lease outlasts an attempt by far, so only a dead worker's delivery is claimed again.
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  private final ServiceContext context;
  private Pool pool;
  private CommittingConsumer<ProvisioningEvent> consumer;
  private WorkQueue queue;
  private WebhookSender sender;
  private final ActionRouter router = new ActionRouter();
  private WebhookQueueGauges queueGauges;

  public NotifierVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    WebhookSettings settings = WebhookSettings.of(context.config());
    pool = PgPools.create(vertx, context.config());
    EventLog log = new EventLog();
    Database db = new Database(pool);
    DeadLetterStore deadLetters = new DeadLetterStore(DEAD_LETTER_TABLE);
    EndpointRepository endpoints = new EndpointRepository();
    DeliveryRepository deliveries = new DeliveryRepository();
    AttemptLog attempts = new AttemptLog();
    TargetPolicy policy = new TargetPolicy(settings.allowedNetworks());
    sender = new WebhookSender(vertx, policy, settings.timeout(), settings.endpointConcurrency());
    SecretCipher cipher = new SecretCipher(settings.secretKeys());
    SignedSender signed = new SignedSender(cipher, sender);
    queue = new WorkQueue(vertx, pool, new WorkQueue.Settings(DeliveryRepository.TABLE, settings.concurrency(),
        settings.endpointConcurrency(), settings.timeout().plus(LEASE_MARGIN), settings.poll()),
        new DeliveryWorker(pool, endpoints, deliveries, attempts, signed, settings));
    IdempotentHandler<ProvisioningEvent> handler = new IdempotentHandler<>(pool, PROCESSED_EVENTS,
        event -> UUID.fromString(event.eventId()),
        (tx, fresh) -> log.record(tx, fresh).compose(ids -> deliveries.enqueue(tx, ids)).mapEmpty());
    consumer = new CommittingConsumer<>(vertx, context.config(), CONSUMER_GROUP,
        Set.of(Topics.USER_EVENTS, Topics.GROUP_EVENTS, Topics.PORTAL_EVENTS), ProvisioningEvent::fromJson,
        events -> handler.handle(events).map(fresh -> {
          if (!fresh.isEmpty()) {
            queue.wake();
          }
          return null;
        }), pool, deadLetters);
    WebhookActions webhooks = new WebhookActions(vertx, pool, new Tenants(vertx.eventBus()), endpoints, deliveries,
        attempts, cipher, policy, signed, settings, queue::wake);
    queueGauges = new WebhookQueueGauges(vertx, pool);
    PgReadiness.register(context.readiness(), "notifier-db", pool);
    Readiness.register(context.readiness(), "notifier-kafka-consumer", consumer::ready,
        "no event partitions assigned, or polls failing");
    return Migrations.apply(vertx, context.config(), SERVICE)
        .compose(v -> new DeadLetterActions(pool, deadLetters, consumer).registerOn(router)
            .on(Actions.EVENTS, request -> events(db, log, request))
            .on(Actions.WEBHOOK_CREATE, webhooks::create)
            .on(Actions.WEBHOOK_LIST, webhooks::list)
            .on(Actions.WEBHOOK_GET, webhooks::get)
            .on(Actions.WEBHOOK_UPDATE, webhooks::update)
            .on(Actions.WEBHOOK_DELETE, webhooks::delete)
            .on(Actions.WEBHOOK_ROTATE_SECRET, webhooks::rotateSecret)
            .on(Actions.WEBHOOK_DELIVERIES, webhooks::deliveries)
            .on(Actions.WEBHOOK_REPLAY, webhooks::replay)
            .on(Actions.WEBHOOK_TEST, webhooks::test)
            .register(vertx.eventBus(), BusAddresses.NOTIFIER))
        .compose(registered -> consumer.start())
        .onSuccess(v -> {
          queue.start();
          queueGauges.start();
        });
  }

  @Override
  public Future<?> stop() {
    queueGauges.stop();
    return router.close().compose(v -> {
      queue.stop();
      return consumer.stop();
    }).eventually(sender::close).eventually(pool::close);
  }

  private static Future<ScimReply> events(Database db, EventLog log, BusRequest request) {
    int limit = Math.min(request.queryInt("count", MAX_EVENTS), MAX_EVENTS);
    return db.read(request.deadline(), conn -> log.list(conn, request.tenant(), limit))
        .map(events -> ScimReply.ok(new JsonObject().put("events", events), null));
  }
}
