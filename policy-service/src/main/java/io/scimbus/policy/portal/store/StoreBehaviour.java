package io.scimbus.policy.portal.store;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.policy.portal.Employees;
import io.scimbus.policy.portal.Portal;
import io.scimbus.policy.portal.PortalUser;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/** The Enterprise Store's behaviours on a user's lifecycle. */
public final class StoreBehaviour {
  private final Employees employees;

  public StoreBehaviour(Employees employees) {
    this.employees = employees;
  }

  public Future<Void> created(SqlClient tx, ProvisioningEvent cause, StoreSettings settings, PortalUser user) {
    return settings.createsEmployees() ? employees.create(tx, cause, Portal.STORE, user) : Future.succeededFuture();
  }

  public Future<Void> deactivated(SqlClient tx, ProvisioningEvent cause, StoreSettings settings, PortalUser user) {
    return settings.removesEmployees()
        ? employees.remove(tx, cause, Portal.STORE, user, EventTypes.EMPLOYEE_REMOVED) : Future.succeededFuture();
  }
}
