package io.scimbus.groups;

import io.scimbus.contract.BusAddresses;
import io.scimbus.runtime.ServiceContext;
import io.scimbus.runtime.bus.ActionRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** groups-service: serves {@link BusAddresses#GROUPS}. */
public final class GroupsVerticle extends VerticleBase {
  public static final String SERVICE = "groups";

  private final ServiceContext context;

  public GroupsVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    return new ActionRouter().register(vertx.eventBus(), BusAddresses.GROUPS);
  }
}
