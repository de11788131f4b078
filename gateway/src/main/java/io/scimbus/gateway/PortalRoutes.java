package io.scimbus.gateway;

import io.scimbus.contract.PortalActions;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/**
 * The tenant's portals in the admin API: behaviour settings, the portal state the behaviours keep (employees,
 * collaborators) and MDM devices with their policies, all in policy-service. The portal name, user id or device id
 * in the URL travels as the request's id.
 */
final class PortalRoutes {
  private final BiConsumer<RoutingContext, String> policy;

  /** {@code policy} forwards a request to policy-service as the given action. */
  PortalRoutes(BiConsumer<RoutingContext, String> policy) {
    this.policy = policy;
  }

  void mount(Router router, String tenantPath) {
    on(router, HttpMethod.GET, tenantPath + "/portals/:id", PortalActions.SETTINGS_GET);
    on(router, HttpMethod.PUT, tenantPath + "/portals/:id", PortalActions.SETTINGS_SET);
    on(router, HttpMethod.GET, tenantPath + "/employees", PortalActions.EMPLOYEE_LIST);
    on(router, HttpMethod.GET, tenantPath + "/collaborators", PortalActions.COLLABORATOR_LIST);
    on(router, HttpMethod.GET, tenantPath + "/collaborators/:id", PortalActions.COLLABORATOR_GET);
    on(router, HttpMethod.PATCH, tenantPath + "/collaborators/:id", PortalActions.COLLABORATOR_PATCH);
    String devices = tenantPath + "/devices";
    on(router, HttpMethod.POST, devices, PortalActions.DEVICE_CREATE);
    on(router, HttpMethod.GET, devices, PortalActions.DEVICE_LIST);
    on(router, HttpMethod.GET, devices + "/:id", PortalActions.DEVICE_GET);
    on(router, HttpMethod.PATCH, devices + "/:id", PortalActions.DEVICE_PATCH);
    on(router, HttpMethod.DELETE, devices + "/:id", PortalActions.DEVICE_DELETE);
    String policies = tenantPath + "/device-policies";
    on(router, HttpMethod.POST, policies, PortalActions.DEVICE_POLICY_CREATE);
    on(router, HttpMethod.GET, policies, PortalActions.DEVICE_POLICY_LIST);
    on(router, HttpMethod.GET, policies + "/:id", PortalActions.DEVICE_POLICY_GET);
    on(router, HttpMethod.PATCH, policies + "/:id", PortalActions.DEVICE_POLICY_PATCH);
    on(router, HttpMethod.DELETE, policies + "/:id", PortalActions.DEVICE_POLICY_DELETE);
  }

  private void on(Router router, HttpMethod method, String path, String action) {
    router.route(method, path).handler(rc -> policy.accept(rc, action));
  }
}
