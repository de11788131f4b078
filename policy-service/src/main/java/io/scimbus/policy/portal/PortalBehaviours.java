package io.scimbus.policy.portal;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.policy.portal.dashboard.DashboardBehaviour;
import io.scimbus.policy.portal.mdm.MdmBehaviour;
import io.scimbus.policy.portal.store.StoreBehaviour;
import io.scimbus.policy.roles.GroupDirectory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the tenant's portal behaviours to durable user and group events, each inside the transaction that records
 * the event as processed (see {@code IdempotentHandler}), so a redelivered event changes nothing twice. A created or
 * reactivated user gets what each portal's onCreate chooses (an inactive user created as such gets nothing); a
 * deactivated or deleted user gets each onDeactivate; an update keeps names current; group events keep the group
 * directory and the collaborators' roles current.
 */
public final class PortalBehaviours {
  private static final Logger LOG = LoggerFactory.getLogger(PortalBehaviours.class);

  private final PortalSettingsRepository settings;
  private final GroupDirectory groups;
  private final Employees employees;
  private final StoreBehaviour store;
  private final DashboardBehaviour dashboard;
  private final MdmBehaviour mdm;

  public PortalBehaviours(PortalSettingsRepository settings, GroupDirectory groups, Employees employees,
      StoreBehaviour store, DashboardBehaviour dashboard, MdmBehaviour mdm) {
    this.settings = settings;
    this.groups = groups;
    this.employees = employees;
    this.store = store;
    this.dashboard = dashboard;
    this.mdm = mdm;
  }

  /** The effect of {@code IdempotentHandler}: the events in order, on the handler's transaction. */
  public Future<Void> apply(SqlConnection tx, List<ProvisioningEvent> fresh) {
    // A batch is mostly one tenant's sync: its settings are read once per batch, not once per event. Settings
    // changed while the batch runs apply from the next batch, as a change committed a moment later would.
    Map<String, Future<PortalSettings>> byTenant = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (ProvisioningEvent event : fresh) {
      chain = chain.compose(v -> byTenant.computeIfAbsent(event.tenant(), tenant -> settings.all(tx, tenant))
          .compose(all -> apply(tx, event, all)));
    }
    return chain;
  }

  private Future<Void> apply(SqlConnection tx, ProvisioningEvent event, PortalSettings all) {
    PortalUser user = PortalUser.of(event.resourceId(), event.data());
    return switch (event.type()) {
      case EventTypes.USER_CREATED, EventTypes.USER_REACTIVATED -> user.active() ? created(tx, event, all, user)
          : Future.succeededFuture();
      case EventTypes.USER_UPDATED -> employees.refresh(tx, event.tenant(), user)
          .compose(v -> dashboard.refresh(tx, event.tenant(), user));
      case EventTypes.USER_DEACTIVATED -> deactivated(tx, event, all, user);
      case EventTypes.USER_DELETED -> deactivated(tx, event, all, user)
          .compose(v -> groups.forgetUser(tx, event.tenant(), user.id()));
      case EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED -> groupChanged(tx, event, all);
      case EventTypes.GROUP_DELETED -> groups.delete(tx, event.tenant(), event.resourceId())
          .compose(members -> dashboard.membershipChanged(tx, event, all.dashboard(), members));
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> created(SqlConnection tx, ProvisioningEvent event, PortalSettings all, PortalUser user) {
    return store.created(tx, event, all.store(), user)
        .compose(v -> dashboard.created(tx, event, all.dashboard(), user))
        .compose(v -> mdm.created(tx, event, all.mdm(), user));
  }

  private Future<Void> deactivated(SqlConnection tx, ProvisioningEvent event, PortalSettings all, PortalUser user) {
    return store.deactivated(tx, event, all.store(), user)
        .compose(v -> dashboard.deactivated(tx, event, all.dashboard(), user))
        .compose(v -> mdm.deactivated(tx, event, all.mdm(), user));
  }

  private Future<Void> groupChanged(SqlConnection tx, ProvisioningEvent event, PortalSettings all) {
    JsonObject data = event.data() == null ? new JsonObject() : event.data();
    if (data.getInteger("membersAddedCount", 0) + data.getInteger("membersRemovedCount", 0) > 0
        && !data.containsKey("membersAdded")) {
      LOG.warn("tenant={} group={} event {} carries member counts only; its membership change is not mapped to"
          + " roles", event.tenant(), event.resourceId(), event.eventId());
    }
    return groups.apply(tx, event.tenant(), event.resourceId(), data.getString("displayName"),
            ids(data.getJsonArray("membersAdded")), ids(data.getJsonArray("membersRemoved")))
        .compose(affected -> dashboard.membershipChanged(tx, event, all.dashboard(), affected));
  }

  private static List<String> ids(JsonArray array) {
    List<String> ids = new ArrayList<>();
    if (array != null) {
      array.forEach(id -> ids.add(String.valueOf(id)));
    }
    return ids;
  }
}
