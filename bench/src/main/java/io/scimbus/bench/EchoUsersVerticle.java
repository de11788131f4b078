package io.scimbus.bench;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.ScimReply;
import io.scimbus.resource.Representation;
import io.scimbus.runtime.ServiceDefinition;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A users-service with no storage: it consumes the users address through the same {@link ActionRouter} and answers
 * create and list with replies shaped like the real ones. Gateway plus echo, minus bare HTTP, is the cost of the
 * gateway and the bus hop; the real create minus gateway plus echo is the cost of the service and its SQL.
 */
public final class EchoUsersVerticle extends VerticleBase {
  public static final ServiceDefinition DEFINITION =
      new ServiceDefinition("echo-users", context -> new EchoUsersVerticle());

  @Override
  public Future<?> start() {
    return new ActionRouter()
        .on(Actions.CREATE, EchoUsersVerticle::created)
        .on(Actions.LIST, request -> Future.succeededFuture(ScimReply.ok(new JsonObject()
            .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
            .put("totalResults", 0).put("Resources", new JsonArray()), null)))
        .register(vertx.eventBus(), BusAddresses.USERS);
  }

  private static Future<ScimReply> created(BusRequest request) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    JsonObject representation = Representation.of("User", "/Users", UUID.randomUUID().toString(),
        request.body().copy(), 1, now, now, request.baseUrl());
    return Future.succeededFuture(ScimReply.created(representation, Representation.etag(1)));
  }
}
