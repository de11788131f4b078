package io.scimbus.policy;

import io.scimbus.contract.BusAddresses;
import io.scimbus.policy.discovery.DiscoveryActions;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** policy-service: serves {@link BusAddresses#POLICY}: discovery documents for each tenant. */
public final class PolicyVerticle extends VerticleBase {
  public static final String SERVICE = "policy";

  private final ServiceContext context;

  public PolicyVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    ActionRouter router = new DiscoveryActions().registerOn(new ActionRouter());
    return router.register(vertx.eventBus(), BusAddresses.POLICY);
  }
}
