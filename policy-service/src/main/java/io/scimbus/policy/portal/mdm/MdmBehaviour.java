package io.scimbus.policy.portal.mdm;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.policy.devices.Device;
import io.scimbus.policy.devices.DeviceRepository;
import io.scimbus.policy.portal.Effects;
import io.scimbus.policy.portal.Employees;
import io.scimbus.policy.portal.Portal;
import io.scimbus.policy.portal.PortalUser;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;

/**
 * The MDM Portal's behaviours on a user's lifecycle. Every device the deactivation touches gets its own event, so a
 * user with three devices removed with them yields three {@code device.removed} and one {@code mdm-user.removed}.
 * {@code remove-user} unassigns the user's devices too: a device is never left assigned to a user the portal no
 * longer has.
 */
public final class MdmBehaviour {
  private final Employees employees;
  private final DeviceRepository devices;
  private final Effects effects;

  public MdmBehaviour(Employees employees, DeviceRepository devices, Effects effects) {
    this.employees = employees;
    this.devices = devices;
    this.effects = effects;
  }

  public Future<Void> created(SqlClient tx, ProvisioningEvent cause, MdmSettings settings, PortalUser user) {
    return settings.createsEmployees() ? employees.create(tx, cause, Portal.MDM, user) : Future.succeededFuture();
  }

  public Future<Void> deactivated(SqlClient tx, ProvisioningEvent cause, MdmSettings settings, PortalUser user) {
    String tenant = cause.tenant();
    return switch (settings.onDeactivate()) {
      case MdmSettings.UNASSIGN_DEVICES -> unassign(tx, cause, user);
      case MdmSettings.CHANGE_DEVICE_POLICY -> devices.changePolicyOf(tx, tenant, user.id(),
          settings.deactivationPolicyId()).compose(moved -> announce(tx, cause, user, moved,
          EventTypes.DEVICE_POLICY_CHANGED));
      case MdmSettings.REMOVE_USER -> unassign(tx, cause, user).compose(v -> removeUser(tx, cause, user));
      case MdmSettings.REMOVE_USER_AND_DEVICES -> devices.removeAssignedTo(tx, tenant, user.id())
          .compose(removed -> announce(tx, cause, user, removed, EventTypes.DEVICE_REMOVED))
          .compose(v -> removeUser(tx, cause, user));
      default -> Future.succeededFuture();
    };
  }

  private Future<Void> unassign(SqlClient tx, ProvisioningEvent cause, PortalUser user) {
    return devices.unassignFrom(tx, cause.tenant(), user.id())
        .compose(unassigned -> announce(tx, cause, user, unassigned, EventTypes.DEVICE_UNASSIGNED));
  }

  private Future<Void> removeUser(SqlClient tx, ProvisioningEvent cause, PortalUser user) {
    return employees.remove(tx, cause, Portal.MDM, user, EventTypes.MDM_USER_REMOVED);
  }

  /** One event per device; the data is the device afterwards (as it was, for a removal) and the user. */
  private Future<Void> announce(SqlClient tx, ProvisioningEvent cause, PortalUser user, List<Device> changed,
      String type) {
    Future<Void> chain = Future.succeededFuture();
    for (Device device : changed) {
      // A removal is the device's next version, as a deleted user's event is.
      long version = EventTypes.DEVICE_REMOVED.equals(type) ? device.version() + 1 : device.version();
      chain = chain.compose(v -> effects.applied(tx, cause, type, Effects.DEVICE, device.id().toString(), version,
          user.userName(), device.toJson().put("userId", user.id())));
    }
    return chain;
  }
}
