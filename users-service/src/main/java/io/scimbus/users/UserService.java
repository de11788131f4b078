package io.scimbus.users;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.Topics;
import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.scimbus.runtime.Outbox;
import io.scimbus.runtime.OutboxRelay;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.PgErrors;
import io.scimbus.runtime.store.Representation;
import io.scimbus.runtime.store.ResourceIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Users: each write stores the row and its event in one transaction. */
final class UserService {
  static final String RESOURCE_TYPE = "User";
  static final String ENDPOINT = "/Users";

  private final Pool pool;
  private final UserRepository repository = new UserRepository();
  private final Outbox outbox = new Outbox(UsersVerticle.OUTBOX_TABLE);
  private final OutboxRelay relay;

  UserService(Pool pool, OutboxRelay relay) {
    this.pool = pool;
    this.relay = relay;
  }

  Future<ScimReply> create(BusRequest request) {
    JsonObject resource = canonical(request.body());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    StoredUser user = StoredUser.fromResource(UUID.randomUUID(), resource, 1, now, now);
    JsonObject representation = represent(user, request.baseUrl());
    ProvisioningEvent event = ProvisioningEvent.of(EventTypes.USER_CREATED, request.tenant(), RESOURCE_TYPE,
        user.id().toString(), user.version(), request.requestId(), representation);
    return pool.withTransaction(tx -> repository.insert(tx, request.tenant(), user)
            .compose(v -> outbox.add(tx, Topics.USER_EVENTS, event)))
        .recover(failure -> Future.failedFuture(PgErrors.uniqueness(failure,
            "userName " + user.userName() + " is already taken")))
        .onSuccess(v -> relay.wake())
        .map(v -> ScimReply.created(representation, Representation.etag(user.version())));
  }

  Future<ScimReply> get(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), RESOURCE_TYPE);
    return repository.find(pool, request.tenant(), id).map(found -> found
        .map(user -> ScimReply.ok(represent(user, request.baseUrl()), Representation.etag(user.version())))
        .orElseThrow(() -> ResourceIds.notFound(RESOURCE_TYPE, request.id())));
  }

  private static JsonObject represent(StoredUser user, String baseUrl) {
    return Representation.of(RESOURCE_TYPE, ENDPOINT, user.id().toString(), user.resource(), user.version(),
        user.created(), user.lastModified(), baseUrl);
  }

  private static JsonObject canonical(JsonObject body) {
    Object userName = body.getValue("userName");
    if (!(userName instanceof String name) || name.isBlank()) {
      throw ScimException.invalidValue("userName is required");
    }
    JsonObject resource = body.copy();
    resource.remove("id");
    resource.remove("meta");
    if (!(resource.getValue("schemas") instanceof JsonArray)) {
      resource.put("schemas", new JsonArray().add(ScimUrns.USER));
    }
    return resource;
  }
}
