package io.scimbus.users;

import io.scimbus.contract.EventTypes;
import io.scimbus.contract.ProvisioningEvent;
import io.scimbus.contract.ScimReply;
import io.scimbus.core.patch.PatchRequest;
import io.scimbus.resource.ListResponse;
import io.scimbus.resource.ListSql;
import io.scimbus.resource.Preconditions;
import io.scimbus.resource.Representation;
import io.scimbus.resource.ResourceEvents;
import io.scimbus.resource.ResourceIds;
import io.scimbus.resource.TenantProfiles;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.scimbus.runtime.store.ListQuery;
import io.scimbus.runtime.store.PgErrors;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Users over the bus. Validation (normalising, parsing the PatchOp, compiling a filter) runs before any SQL; every
 * write reads and locks the row, checks {@code If-Match}, and stores the row and its one event in a single
 * transaction bounded by the request's deadline. A PUT or PATCH that leaves the stored user as it was is no write:
 * it answers the current user and ETag, without a new version or an event.
 */
final class UserService {
  private static final int NOT_MODIFIED = 304;
  private static final String ATTRIBUTES = "attributes";
  private static final String EXCLUDED_ATTRIBUTES = "excludedAttributes";
  private static final String PASSWORD = "password";

  private final Database db;
  private final TenantProfiles<UserRules> profiles;
  private final UserRepository repository = new UserRepository();
  private final UniqueValueRepository uniqueValues = new UniqueValueRepository();
  private final ResourceEvents outbox;

  UserService(Database db, TenantProfiles<UserRules> profiles, ResourceEvents outbox) {
    this.db = db;
    this.profiles = profiles;
    this.outbox = outbox;
  }

  Future<ScimReply> create(BusRequest request) {
    return rules(request).compose(rules -> {
      JsonObject resource = new JsonObject(storable(rules, PlainJson.map(request.body())));
      OffsetDateTime now = Representation.now();
      StoredUser user = StoredUser.fromResource(UUID.randomUUID(), resource, 1, now, now);
      JsonObject representation = rules.view().represent(user, request.baseUrl());
      ProvisioningEvent event = event(EventTypes.USER_CREATED, request, user.id(), user.version(), representation);
      return db.transaction(request.deadline(), tx -> repository.insert(tx, request.tenant(), user)
              .compose(v -> uniqueValues.add(tx, request.tenant(), user.id(), unique(rules, resource)))
              .compose(v -> outbox.add(tx, event)))
          .recover(failure -> Future.failedFuture(PgErrors.uniqueness(failure,
              "userName " + user.userName() + " is already taken")))
          .onSuccess(v -> outbox.committed())
          .map(v -> ScimReply.created(representation, Representation.etag(user.version())));
    });
  }

  Future<ScimReply> get(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), UserView.RESOURCE_TYPE);
    return rules(request).compose(rules -> db.read(request.deadline(),
        conn -> repository.find(conn, request.tenant(), id)).map(found -> {
          StoredUser user = found.orElseThrow(() -> ResourceIds.notFound(UserView.RESOURCE_TYPE, request.id()));
          String etag = Representation.etag(user.version());
          if (Preconditions.notModified(request.ifNoneMatch(), user.version())) {
            return new ScimReply(NOT_MODIFIED, null, etag);
          }
          return ScimReply.ok(projected(rules, rules.view().represent(user, request.baseUrl()), request), etag);
        }));
  }

  /**
   * {@code GET /Users} and {@code POST /Users/.search}: one count and, when the page can hold rows, one page. Both
   * statements are compiled before a connection is taken, so a filter that does not compile costs none.
   */
  Future<ScimReply> list(BusRequest request) {
    ListQuery query = ListResponse.query(request);
    return rules(request).compose(rules -> {
      ListSql.Statement count = rules.listSql().count(request.tenant(), query);
      ListSql.Statement page = rules.listSql().page(request.tenant(), query);
      return db.read(request.deadline(), conn -> repository.count(conn, count)
          .compose(total -> (ListResponse.pageIsEmpty(total, query)
              ? Future.succeededFuture(List.<StoredUser>of()) : repository.page(conn, page))
              .map(users -> ListResponse.of(total, query, users.stream()
                  .map(user -> rules.view().project(rules.view().represent(user, request.baseUrl()),
                      query.attributes(), query.excludedAttributes()))
                  .toList()))));
    }).map(body -> ScimReply.ok(body, null));
  }

  /** PUT: the body replaces every client-writable attribute; id, created and the version line stay the server's. */
  Future<ScimReply> replace(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), UserView.RESOURCE_TYPE);
    return rules(request).compose(rules -> {
      Map<String, Object> replacement = storable(rules, PlainJson.map(request.body()));
      return update(request, rules, id, stored -> {
        rules.immutables().checkReplace(PlainJson.map(stored.resource()), replacement);
        return new JsonObject(replacement);
      });
    });
  }

  /**
   * PATCH applies to the full representation, so an operation echoing {@code id} or {@code meta} (some IdPs send
   * them back) meets the current values; normalising the result drops them again before storage.
   */
  Future<ScimReply> patch(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), UserView.RESOURCE_TYPE);
    PatchRequest patch = PatchRequest.parse(PlainJson.map(request.body()));
    return rules(request).compose(rules -> update(request, rules, id, stored -> {
      Map<String, Object> current = PlainJson.map(rules.view().represent(stored, request.baseUrl()));
      return new JsonObject(storable(rules, rules.patchEngine().apply(current, patch)));
    }));
  }

  Future<ScimReply> delete(BusRequest request) {
    UUID id = ResourceIds.parse(request.id(), UserView.RESOURCE_TYPE);
    return rules(request).compose(rules -> db.transaction(request.deadline(), tx -> lockCurrent(tx, request, id)
        .compose(stored -> {
          JsonObject last = rules.view().represent(stored, request.baseUrl());
          // The deletion is a change after the last stored version, so its event continues the version line.
          ProvisioningEvent event = event(EventTypes.USER_DELETED, request, id, stored.version() + 1, last);
          return repository.delete(tx, request.tenant(), id).compose(v -> outbox.add(tx, event));
        })))
        .onSuccess(v -> outbox.committed())
        .map(v -> ScimReply.noContent());
  }

  /**
   * The shared write path of PUT and PATCH: {@code change} maps the locked current user to its new resource. When
   * that equals the stored one nothing is written and the current version is the answer.
   */
  private Future<ScimReply> update(BusRequest request, UserRules rules, UUID id,
      Function<StoredUser, JsonObject> change) {
    return db.transaction(request.deadline(), tx -> lockCurrent(tx, request, id).compose(stored -> {
          JsonObject resource = change.apply(stored);
          if (PlainJson.map(resource).equals(PlainJson.map(stored.resource()))) {
            return Future.succeededFuture(new Written(stored, false));
          }
          StoredUser next = stored.next(resource, Representation.now());
          ProvisioningEvent event = event(UserEvents.forUpdate(stored.active(), next.active()), request, id,
              next.version(), rules.view().represent(next, request.baseUrl()));
          return repository.update(tx, request.tenant(), next)
              .compose(v -> uniqueValues.replace(tx, request.tenant(), id, unique(rules, next.resource())))
              .compose(v -> outbox.add(tx, event))
              .map(v -> new Written(next, true));
        }))
        .recover(failure -> Future.failedFuture(PgErrors.uniqueness(failure, "userName is already taken")))
        .map(written -> {
          if (written.changed()) {
            outbox.committed();
          }
          return ScimReply.ok(projected(rules, rules.view().represent(written.user(), request.baseUrl()), request),
              Representation.etag(written.user().version()));
        });
  }

  /** The user a PUT or PATCH left stored, and whether it wrote a new version. */
  private record Written(StoredUser user, boolean changed) {
  }

  private Future<UserRules> rules(BusRequest request) {
    return profiles.of(request.tenant(), request.requestId());
  }

  private static Map<String, Set<String>> unique(UserRules rules, JsonObject resource) {
    return rules.enforcer().uniqueValues(PlainJson.map(resource));
  }

  /** The user, locked for this transaction; 404 when absent, 412 when {@code If-Match} names another version. */
  private Future<StoredUser> lockCurrent(SqlClient tx, BusRequest request, UUID id) {
    return Preconditions.writable(repository.findForUpdate(tx, request.tenant(), id), request, UserView.RESOURCE_TYPE,
        StoredUser::version);
  }

  private static JsonObject projected(UserRules rules, JsonObject representation, BusRequest request) {
    return rules.view().project(representation, request.query().getString(ATTRIBUTES),
        request.query().getString(EXCLUDED_ATTRIBUTES));
  }

  /**
   * A client's resource as stored: canonical, then narrowed and checked by the tenant's profile. {@code password}
   * is dropped: scimbus never authenticates users, so keeping the secret Okta sends on create would only be a
   * liability (and it could never be returned anyway).
   */
  private static Map<String, Object> storable(UserRules rules, Map<String, Object> body) {
    Map<String, Object> canonical = rules.normalizer().normalize(body);
    canonical.remove(PASSWORD);
    return rules.enforcer().apply(canonical);
  }

  private static ProvisioningEvent event(String type, BusRequest request, UUID id, long version, JsonObject data) {
    return ProvisioningEvent.of(type, request.tenant(), UserView.RESOURCE_TYPE, id.toString(), version,
        request.requestId(), data);
  }
}
