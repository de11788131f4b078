package io.scimbus.policy.portal;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/** Creating and removing a portal's employee, each with its event and log entry; doing it twice does nothing. */
public final class Employees {
  private final EmployeeRepository rows;
  private final Effects effects;

  public Employees(EmployeeRepository rows, Effects effects) {
    this.rows = rows;
    this.effects = effects;
  }

  public Future<Void> create(SqlClient tx, ProvisioningEvent cause, Portal portal, PortalUser user) {
    return rows.add(tx, cause.tenant(), portal, user).compose(employee -> employee == null
        ? Future.succeededFuture()
        : effects.applied(tx, cause, EventTypes.EMPLOYEE_CREATED, Effects.EMPLOYEE, user.id(), cause.version(),
            user.userName(), employee));
  }

  /** Removes the user's employee of {@code portal}, announced as {@code type}. */
  public Future<Void> remove(SqlClient tx, ProvisioningEvent cause, Portal portal, PortalUser user, String type) {
    return rows.remove(tx, cause.tenant(), portal, user.id()).compose(employee -> employee == null
        ? Future.succeededFuture()
        : effects.applied(tx, cause, type, Effects.EMPLOYEE, user.id(), cause.version(), user.userName(),
            employee));
  }

  public Future<Void> refresh(SqlClient tx, String tenant, PortalUser user) {
    return rows.refresh(tx, tenant, user);
  }
}
