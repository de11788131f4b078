package io.scimbus.policy.portal.dashboard;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.policy.portal.Effects;
import io.scimbus.policy.portal.PortalUser;
import io.scimbus.policy.roles.GroupDirectory;
import io.scimbus.policy.roles.RoleRule;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.TreeSet;

/** The Dashboard's behaviours: collaborators on a user's lifecycle, their roles on membership ({@link RoleRule}). */
public final class DashboardBehaviour {
  private final CollaboratorRepository collaborators;
  private final GroupDirectory groups;
  private final Effects effects;
  private final Duration settle;

  public DashboardBehaviour(CollaboratorRepository collaborators, GroupDirectory groups, Effects effects,
      Duration settle) {
    this.collaborators = collaborators;
    this.groups = groups;
    this.effects = effects;
    this.settle = settle;
  }

  public Future<Void> created(SqlClient tx, ProvisioningEvent cause, DashboardSettings settings, PortalUser user) {
    if (!settings.createsCollaborators()) {
      return Future.succeededFuture();
    }
    return collaborators.lock(tx, cause.tenant(), user.id())
        .compose(v -> groups.groupNamesOf(tx, cause.tenant(), user.id()))
        .map(names -> RoleRule.initial(settings.roleOf(names), settings.defaultRole()))
        .compose(role -> collaborators.add(tx, cause.tenant(), user, role))
        .compose(created -> created == null ? Future.succeededFuture()
            : announce(tx, cause, EventTypes.COLLABORATOR_CREATED, created, created.version(), created.toJson()));
  }

  public Future<Void> deactivated(SqlClient tx, ProvisioningEvent cause, DashboardSettings settings,
      PortalUser user) {
    if (!settings.removesCollaborators()) {
      return Future.succeededFuture();
    }
    return collaborators.remove(tx, cause.tenant(), user.id()).compose(removed -> removed == null
        ? Future.succeededFuture()
        : announce(tx, cause, EventTypes.COLLABORATOR_REMOVED, removed, removed.version() + 1, removed.toJson()));
  }

  public Future<Void> refresh(SqlClient tx, String tenant, PortalUser user) {
    return collaborators.refresh(tx, tenant, user);
  }

  /** Reconsiders the role of each of {@code users} that is a collaborator, after their memberships changed. */
  public Future<Void> membershipChanged(SqlClient tx, ProvisioningEvent cause, DashboardSettings settings,
      Collection<String> users) {
    Future<Void> chain = Future.succeededFuture();
    // In id order, so two transactions locking overlapping members never wait for each other in a circle.
    for (String userId : new TreeSet<>(users)) {
      chain = chain.compose(v -> collaborators.lock(tx, cause.tenant(), userId))
          .compose(v -> collaborators.get(tx, cause.tenant(), userId))
          .compose(current -> current == null ? Future.succeededFuture() : reconsider(tx, cause, settings, current));
    }
    return chain;
  }

  private Future<Void> reconsider(SqlClient tx, ProvisioningEvent cause, DashboardSettings settings,
      Collaborator current) {
    return groups.groupNamesOf(tx, cause.tenant(), current.userId()).compose(names -> {
      boolean settling = current.created().toInstant().plus(settle).isAfter(Instant.now());
      RoleRule.Assigned next = RoleRule.afterMembershipChange(current.assigned(), settings.roleOf(names),
          settings.defaultRole(), settings.roleSync(), settling);
      if (next.equals(current.assigned())) {
        return Future.succeededFuture();
      }
      return collaborators.setRole(tx, cause.tenant(), current.userId(), next).compose(changed ->
          changed.role() == current.role() ? Future.succeededFuture() : announce(tx, cause,
              EventTypes.COLLABORATOR_ROLE_CHANGED, changed, changed.version(), changed.toJson().put("previousRole",
                  current.roleLabel())));
    });
  }

  private Future<Void> announce(SqlClient tx, ProvisioningEvent cause, String type, Collaborator collaborator,
      long version, JsonObject data) {
    return effects.applied(tx, cause, type, Effects.COLLABORATOR, collaborator.userId(), version,
        collaborator.userName(), data);
  }
}
