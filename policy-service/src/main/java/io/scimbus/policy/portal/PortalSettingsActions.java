package io.scimbus.policy.portal;

import io.scimbus.contract.PortalActions;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.policy.devices.DevicePolicyRepository;
import io.scimbus.policy.portal.mdm.MdmSettings;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

/**
 * {@code GET}/{@code PUT .../portals/{store|dashboard|mdm}}. A PUT is the whole document: a field it leaves out is
 * back to its default. Invalid settings are a 400 and change nothing.
 */
public final class PortalSettingsActions {
  private final Database db;
  private final TenantRepository tenants;
  private final PortalSettingsRepository settings;
  private final DevicePolicyRepository policies;

  public PortalSettingsActions(Database db, TenantRepository tenants, PortalSettingsRepository settings,
      DevicePolicyRepository policies) {
    this.db = db;
    this.tenants = tenants;
    this.settings = settings;
    this.policies = policies;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router.on(PortalActions.SETTINGS_GET, this::get).on(PortalActions.SETTINGS_SET, this::set);
  }

  private Future<ScimReply> get(BusRequest request) {
    Portal portal = Portal.named(request.id());
    return db.read(request.deadline(), conn -> tenants.requireLive(conn, request.tenant())
        .compose(v -> settings.all(conn, request.tenant())))
        .map(all -> ScimReply.ok(document(all, portal), null));
  }

  private Future<ScimReply> set(BusRequest request) {
    Portal portal = Portal.named(request.id());
    String tenant = request.tenant();
    JsonObject document = PortalSettings.normalise(portal, request.body());
    return db.transaction(request.deadline(), tx -> tenants.requireLive(tx, tenant)
            .compose(v -> policyExists(tx, tenant, portal, document))
            .compose(v -> settings.put(tx, tenant, portal, document)))
        .map(v -> ScimReply.ok(document, null));
  }

  /** An MDM deactivation policy must be one of the tenant's device policies. */
  private Future<Void> policyExists(SqlClient tx, String tenant, Portal portal, JsonObject document) {
    if (portal != Portal.MDM) {
      return Future.succeededFuture();
    }
    MdmSettings mdm = MdmSettings.parse(document);
    if (mdm.deactivationPolicyId() == null) {
      return Future.succeededFuture();
    }
    return policies.exists(tx, tenant, mdm.deactivationPolicyId()).compose(exists -> exists
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(ScimException.invalidValue("deactivationPolicyId " + mdm.deactivationPolicyId()
            + " is no device policy of this tenant")));
  }

  private static JsonObject document(PortalSettings all, Portal portal) {
    return switch (portal) {
      case STORE -> all.store().toJson();
      case DASHBOARD -> all.dashboard().toJson();
      case MDM -> all.mdm().toJson();
    };
  }
}
