package io.scimbus.policy.devices;

import io.scimbus.contract.PortalActions;
import io.scimbus.contract.ScimReply;
import io.scimbus.policy.Page;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.scimbus.runtime.store.PgErrors;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.UUID;

/** The admin API of a tenant's MDM devices; {@code ?assignedUserId=} lists one user's. */
public final class DeviceActions {
  private static final String DEVICE = "device";

  private final Database db;
  private final TenantRepository tenants;
  private final DeviceRepository devices = new DeviceRepository();
  private final DevicePolicyRepository policies = new DevicePolicyRepository();

  public DeviceActions(Database db, TenantRepository tenants) {
    this.db = db;
    this.tenants = tenants;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(PortalActions.DEVICE_CREATE, this::create)
        .on(PortalActions.DEVICE_LIST, this::list)
        .on(PortalActions.DEVICE_GET, this::get)
        .on(PortalActions.DEVICE_PATCH, this::patch)
        .on(PortalActions.DEVICE_DELETE, this::delete);
  }

  private Future<ScimReply> create(BusRequest request) {
    String tenant = request.tenant();
    DeviceInput input = DeviceInput.create(request.body());
    return db.transaction(request.deadline(), tx -> tenants.requireLive(tx, tenant)
            .compose(v -> policyExists(tx, tenant, input.policyId()))
            .compose(v -> devices.insert(tx, tenant, input)))
        .recover(failure -> Future.failedFuture(duplicateSerial(failure, input)))
        .map(device -> new ScimReply(201, device.toJson(), null));
  }

  private Future<ScimReply> list(BusRequest request) {
    String tenant = request.tenant();
    String assigned = request.query().getString("assignedUserId");
    Page page = Page.of(request);
    return db.snapshot(request.deadline(), conn -> tenants.requireLive(conn, tenant)
        .compose(v -> devices.count(conn, tenant, assigned))
        .compose(total -> devices.list(conn, tenant, assigned, page)
            .map(found -> ScimReply.ok(page.body(total, found.stream().map(Device::toJson).toList()), null))));
  }

  private Future<ScimReply> get(BusRequest request) {
    UUID id = PathIds.parse(request.id(), DEVICE);
    return db.read(request.deadline(), conn -> devices.get(conn, request.tenant(), id)).map(device -> {
      if (device == null) {
        throw PathIds.notFound(DEVICE, id);
      }
      return ScimReply.ok(device.toJson(), null);
    });
  }

  private Future<ScimReply> patch(BusRequest request) {
    String tenant = request.tenant();
    UUID id = PathIds.parse(request.id(), DEVICE);
    return db.transaction(request.deadline(), tx -> devices.get(tx, tenant, id).compose(current -> {
      if (current == null) {
        return Future.failedFuture(PathIds.notFound(DEVICE, id));
      }
      DeviceInput input = DeviceInput.patch(current, request.body());
      return policyExists(tx, tenant, input.policyId()).compose(v -> devices.update(tx, tenant, id, input))
          .recover(failure -> Future.failedFuture(duplicateSerial(failure, input)));
    })).map(device -> ScimReply.ok(device.toJson(), null));
  }

  private Future<ScimReply> delete(BusRequest request) {
    UUID id = PathIds.parse(request.id(), DEVICE);
    return db.transaction(request.deadline(), tx -> devices.delete(tx, request.tenant(), id)).map(deleted -> {
      if (!deleted) {
        throw PathIds.notFound(DEVICE, id);
      }
      return ScimReply.noContent();
    });
  }

  private Future<Void> policyExists(SqlClient tx, String tenant, UUID policyId) {
    if (policyId == null) {
      return Future.succeededFuture();
    }
    return policies.exists(tx, tenant, policyId).compose(exists -> exists ? Future.<Void>succeededFuture()
        : Future.failedFuture(DeviceInput.unknownPolicy(policyId)));
  }

  private static Throwable duplicateSerial(Throwable failure, DeviceInput input) {
    return PgErrors.uniqueness(failure, "a device with serial " + input.serial() + " exists");
  }
}
