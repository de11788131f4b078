package io.scimbus.policy.portal;

import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.Topics;
import io.scimbus.events.CommittingConsumer;
import io.scimbus.events.DeadLetterStore;
import io.scimbus.events.IdempotentHandler;
import io.scimbus.events.Outbox;
import io.scimbus.events.OutboxRelay;
import io.scimbus.policy.devices.DeviceActions;
import io.scimbus.policy.devices.DevicePolicyActions;
import io.scimbus.policy.devices.DevicePolicyRepository;
import io.scimbus.policy.devices.DeviceRepository;
import io.scimbus.policy.log.ProvisioningLogRepository;
import io.scimbus.policy.portal.dashboard.CollaboratorActions;
import io.scimbus.policy.portal.dashboard.CollaboratorRepository;
import io.scimbus.policy.portal.dashboard.DashboardBehaviour;
import io.scimbus.policy.portal.mdm.MdmBehaviour;
import io.scimbus.policy.portal.store.StoreBehaviour;
import io.scimbus.policy.roles.GroupDirectory;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.KafkaTopics;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The portals: their settings, state and admin API, the consumer that applies their behaviours to user and group
 * events, and the relay that publishes what the behaviours did on {@link Topics#PORTAL_EVENTS}.
 */
public final class Portals {
  private static final String CONSUMER_GROUP = "scimbus-policy-portals";
  private static final String PROCESSED_EVENTS = "portal_processed_events";
  private static final String OUTBOX_TABLE = "policy_outbox";

  private final Vertx vertx;
  private final ServiceConfig config;
  private final Database db;
  private final TenantRepository tenants;
  private final PortalSettingsRepository settings = new PortalSettingsRepository();
  private final EmployeeRepository employees = new EmployeeRepository();
  private final CollaboratorRepository collaborators = new CollaboratorRepository();
  private final DevicePolicyRepository policies = new DevicePolicyRepository();
  private final OutboxRelay relay;
  private final CommittingConsumer<ProvisioningEvent> consumer;

  public Portals(Vertx vertx, ServiceConfig config, Pool pool, TenantRepository tenants,
      DeadLetterStore deadLetters) {
    this.vertx = vertx;
    this.config = config;
    this.db = new Database(pool);
    this.tenants = tenants;
    this.relay = new OutboxRelay(vertx, pool, config, OUTBOX_TABLE, deadLetters);
    Effects effects = new Effects(new Outbox(OUTBOX_TABLE), new ProvisioningLogRepository());
    Employees staff = new Employees(employees, effects);
    GroupDirectory groups = new GroupDirectory();
    PortalBehaviours behaviours = new PortalBehaviours(settings, groups, staff, new StoreBehaviour(staff),
        new DashboardBehaviour(collaborators, groups, effects,
            Duration.ofSeconds(config.longValue(ConfigKeys.PORTAL_ROLE_SETTLE_SECONDS))),
        new MdmBehaviour(staff, new DeviceRepository(), effects));
    IdempotentHandler<ProvisioningEvent> handler = new IdempotentHandler<>(pool, PROCESSED_EVENTS,
        event -> UUID.fromString(event.eventId()), behaviours::apply);
    this.consumer = new CommittingConsumer<>(vertx, config, CONSUMER_GROUP,
        Set.of(Topics.USER_EVENTS, Topics.GROUP_EVENTS), ProvisioningEvent::fromJson,
        events -> handler.handle(events).map(fresh -> {
          if (!fresh.isEmpty()) {
            relay.wake();
          }
          return null;
        }), pool, deadLetters);
  }

  public ActionRouter registerOn(ActionRouter router) {
    new PortalSettingsActions(db, tenants, settings, policies).registerOn(router);
    new EmployeeActions(db, tenants, employees).registerOn(router);
    new CollaboratorActions(db, tenants, collaborators).registerOn(router);
    new DeviceActions(db, tenants).registerOn(router);
    return new DevicePolicyActions(db, tenants, settings).registerOn(router);
  }

  /** Consumes user and group events (the consumer's replays go back to their topic). */
  public CommittingConsumer<ProvisioningEvent> consumer() {
    return consumer;
  }

  /** Publishes the behaviours' events (the relay's replays go back to the outbox). */
  public OutboxRelay relay() {
    return relay;
  }

  public Future<Void> start() {
    return KafkaTopics.ensure(vertx, config, Set.of(Topics.PORTAL_EVENTS))
        .compose(v -> consumer.start())
        .onSuccess(v -> relay.start());
  }

  public Future<Void> stop() {
    return consumer.stop().eventually(relay::stop);
  }
}
