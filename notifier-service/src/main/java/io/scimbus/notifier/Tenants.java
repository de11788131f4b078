package io.scimbus.notifier;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusErrors;
import io.scimbus.contract.BusHeaders;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Whether a tenant exists, as policy-service (which owns tenants) says: 404 for an unknown one, 503 if it is down. */
final class Tenants {
  private static final long TIMEOUT_MS = 5_000;

  private final EventBus bus;

  Tenants(EventBus bus) {
    this.bus = bus;
  }

  Future<Void> requireExisting(String tenant, String requestId) {
    DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(TIMEOUT_MS)
        .addHeader(BusHeaders.ACTION, Actions.TENANT_GET)
        .addHeader(BusHeaders.TENANT, tenant)
        .addHeader(BusHeaders.REQUEST_ID, requestId == null ? "" : requestId);
    return bus.<JsonObject>request(BusAddresses.POLICY, new JsonObject(), options)
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(BusErrors.toScim(failure)));
  }
}
