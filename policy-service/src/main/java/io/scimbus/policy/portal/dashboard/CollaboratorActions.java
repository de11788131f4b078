package io.scimbus.policy.portal.dashboard;

import io.scimbus.contract.PortalActions;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.policy.Page;
import io.scimbus.policy.roles.Role;
import io.scimbus.policy.roles.RoleRule;
import io.scimbus.policy.roles.RoleSource;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * The Dashboard's collaborators in the admin API. {@code PATCH {"role": ...}} sets a role by hand ({@code null}: no
 * role); from then on group membership never changes it.
 */
public final class CollaboratorActions {
  private final Database db;
  private final TenantRepository tenants;
  private final CollaboratorRepository collaborators;

  public CollaboratorActions(Database db, TenantRepository tenants, CollaboratorRepository collaborators) {
    this.db = db;
    this.tenants = tenants;
    this.collaborators = collaborators;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(PortalActions.COLLABORATOR_LIST, this::list)
        .on(PortalActions.COLLABORATOR_GET, this::get)
        .on(PortalActions.COLLABORATOR_PATCH, this::patch);
  }

  private Future<ScimReply> list(BusRequest request) {
    Page page = Page.of(request);
    return db.snapshot(request.deadline(), conn -> tenants.requireLive(conn, request.tenant())
        .compose(v -> collaborators.count(conn, request.tenant()))
        .compose(total -> collaborators.list(conn, request.tenant(), page)
            .map(found -> ScimReply.ok(page.body(total, found.stream().map(Collaborator::toJson).toList()),
                null))));
  }

  private Future<ScimReply> get(BusRequest request) {
    return db.read(request.deadline(), conn -> collaborators.get(conn, request.tenant(), request.id()))
        .map(found -> ScimReply.ok(found(found, request).toJson(), null));
  }

  private Future<ScimReply> patch(BusRequest request) {
    RoleRule.Assigned role = new RoleRule.Assigned(role(request.body()), RoleSource.ADMIN);
    return db.transaction(request.deadline(), tx -> collaborators.get(tx, request.tenant(), request.id())
            .compose(current -> {
              found(current, request);
              return collaborators.setRole(tx, request.tenant(), request.id(), role);
            }))
        .map(changed -> ScimReply.ok(changed.toJson(), null));
  }

  private static Role role(JsonObject body) {
    if (body.size() != 1 || !body.containsKey("role")) {
      throw ScimException.invalidValue("a collaborator patch has exactly one field, role (a role or null)");
    }
    Object value = body.getValue("role");
    return value == null ? null : Role.parse(value, "role", Arrays.asList(Role.values()));
  }

  private static Collaborator found(Collaborator collaborator, BusRequest request) {
    if (collaborator == null) {
      throw ScimException.notFound("collaborator " + request.id() + " not found");
    }
    return collaborator;
  }
}
