package io.scimbus.policy.devices;

import io.scimbus.contract.PortalActions;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.policy.Page;
import io.scimbus.policy.portal.PortalSettingsRepository;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import java.util.UUID;

/**
 * The admin API of a tenant's device policies ({@code {"name"}}). A policy in use, by a device or as the MDM
 * deactivation policy, cannot be deleted (409).
 */
public final class DevicePolicyActions {
  private static final String POLICY = "device policy";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final Database db;
  private final TenantRepository tenants;
  private final PortalSettingsRepository settings;
  private final DevicePolicyRepository policies = new DevicePolicyRepository();

  public DevicePolicyActions(Database db, TenantRepository tenants, PortalSettingsRepository settings) {
    this.db = db;
    this.tenants = tenants;
    this.settings = settings;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(PortalActions.DEVICE_POLICY_CREATE, this::create)
        .on(PortalActions.DEVICE_POLICY_LIST, this::list)
        .on(PortalActions.DEVICE_POLICY_GET, this::get)
        .on(PortalActions.DEVICE_POLICY_PATCH, this::rename)
        .on(PortalActions.DEVICE_POLICY_DELETE, this::delete);
  }

  private Future<ScimReply> create(BusRequest request) {
    String name = name(request.body());
    return db.transaction(request.deadline(), tx -> tenants.requireLive(tx, request.tenant())
            .compose(v -> policies.insert(tx, request.tenant(), name)))
        .map(policy -> new ScimReply(201, policy, null));
  }

  private Future<ScimReply> list(BusRequest request) {
    Page page = Page.of(request);
    return db.snapshot(request.deadline(), conn -> tenants.requireLive(conn, request.tenant())
        .compose(v -> policies.count(conn, request.tenant()))
        .compose(total -> policies.list(conn, request.tenant(), page)
            .map(found -> ScimReply.ok(page.body(total, found), null))));
  }

  private Future<ScimReply> get(BusRequest request) {
    UUID id = PathIds.parse(request.id(), POLICY);
    return db.read(request.deadline(), conn -> policies.get(conn, request.tenant(), id))
        .map(policy -> ScimReply.ok(found(policy, id), null));
  }

  private Future<ScimReply> rename(BusRequest request) {
    UUID id = PathIds.parse(request.id(), POLICY);
    String name = name(request.body());
    return db.transaction(request.deadline(), tx -> policies.rename(tx, request.tenant(), id, name))
        .map(policy -> ScimReply.ok(found(policy, id), null));
  }

  private Future<ScimReply> delete(BusRequest request) {
    String tenant = request.tenant();
    UUID id = PathIds.parse(request.id(), POLICY);
    return db.transaction(request.deadline(), tx -> settings.usesPolicy(tx, tenant, id).compose(used -> used
            ? Future.failedFuture(inUse(id, "the MDM portal's deactivationPolicyId"))
            : policies.delete(tx, tenant, id)))
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg
            && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState()) ? inUse(id, "devices") : failure))
        .map(deleted -> {
          if (!deleted) {
            throw PathIds.notFound(POLICY, id);
          }
          return ScimReply.noContent();
        });
  }

  private static ScimException inUse(UUID id, String user) {
    return ScimException.conflict("device policy " + id + " is used by " + user + "; move them first");
  }

  private static JsonObject found(JsonObject policy, UUID id) {
    if (policy == null) {
      throw PathIds.notFound(POLICY, id);
    }
    return policy;
  }

  private static String name(JsonObject body) {
    if (body.size() != 1 || !body.containsKey("name")) {
      throw ScimException.invalidValue("a device policy has exactly one field, name");
    }
    return DeviceInput.text(body.getValue("name"), "name", false);
  }
}
