package io.scimbus.policy.portal;

import io.scimbus.contract.PortalActions;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.error.ScimException;
import io.scimbus.policy.Page;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;

/** {@code GET .../employees?portal=store|mdm}: a page of the portal's employees, oldest first. */
public final class EmployeeActions {
  private final Database db;
  private final TenantRepository tenants;
  private final EmployeeRepository employees;

  public EmployeeActions(Database db, TenantRepository tenants, EmployeeRepository employees) {
    this.db = db;
    this.tenants = tenants;
    this.employees = employees;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router.on(PortalActions.EMPLOYEE_LIST, this::list);
  }

  private Future<ScimReply> list(BusRequest request) {
    Portal portal = portal(request.query().getString("portal"));
    Page page = Page.of(request);
    return db.snapshot(request.deadline(), conn -> tenants.requireLive(conn, request.tenant())
        .compose(v -> employees.count(conn, request.tenant(), portal))
        .compose(total -> employees.list(conn, request.tenant(), portal, page)
            .map(found -> ScimReply.ok(page.body(total, found), null))));
  }

  private static Portal portal(String name) {
    if (Portal.STORE.id().equals(name)) {
      return Portal.STORE;
    }
    if (Portal.MDM.id().equals(name)) {
      return Portal.MDM;
    }
    throw ScimException.invalidValue("portal must be store or mdm, got " + name);
  }
}
