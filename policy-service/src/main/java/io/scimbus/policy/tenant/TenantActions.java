package io.scimbus.policy.tenant;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.BusHeaders;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.TokensRevoked;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.profile.ProfileDocument;
import io.scimbus.core.profile.TenantProfile;
import io.scimbus.core.resource.ControlCharacters;
import io.scimbus.policy.Page;
import io.scimbus.policy.token.TokenRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.bus.Deadline;
import io.scimbus.runtime.store.Database;
import io.scimbus.runtime.store.PgErrors;
import io.scimbus.runtime.store.PlainJson;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Tenant lifecycle and profile actions of the admin API. The tenant id of an existing tenant is the bus header. */
public final class TenantActions {
  private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9-]{3,63}");
  private static final int MAX_DISPLAY_NAME = 200;
  private static final Set<String> CREATE_FIELDS = Set.of("id", "displayName", "profile");

  private final Database db;
  private final EventBus bus;
  private final TenantRepository tenants;
  private final TokenRepository tokens;

  public TenantActions(Database db, EventBus bus, TenantRepository tenants, TokenRepository tokens) {
    this.db = db;
    this.bus = bus;
    this.tenants = tenants;
    this.tokens = tokens;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(Actions.TENANT_CREATE, this::create)
        .on(Actions.TENANT_GET, this::get)
        .on(Actions.TENANT_LIST, this::list)
        .on(Actions.TENANT_UPDATE, this::update)
        .on(Actions.TENANT_DELETE, this::delete)
        .on(Actions.PROFILE, this::profile)
        .on(Actions.PROFILE_SET, this::setProfile);
  }

  /** The tenant's profile for discovery: a read, with nothing to leave undone when late. */
  public Future<TenantProfile> profileOf(String tenant) {
    return db.read(Deadline.NONE, conn -> tenants.profile(conn, tenant)).map(document -> {
      if (document == null) {
        throw notFound(tenant);
      }
      return ProfileDocument.parse(PlainJson.map(document));
    });
  }

  private Future<ScimReply> create(BusRequest request) {
    JsonObject body = request.body();
    knownFields(body, CREATE_FIELDS);
    String id = body.getValue("id") instanceof String s ? s : null;
    if (id == null || !TENANT_ID.matcher(id).matches()) {
      throw ScimException.invalidValue("id must be 3 to 63 characters of a-z, 0-9 and '-'");
    }
    String displayName = displayName(body.getValue("displayName", id));
    JsonObject profile = ProfileInput.resolve(body.getValue("profile"));
    return db.transaction(request.deadline(), tx -> tenants.create(tx, id, displayName, profile))
        .recover(e -> Future.failedFuture(PgErrors.uniqueness(e, "tenant " + id + " exists or existed")))
        .map(tenant -> new ScimReply(201, tenant, null));
  }

  private Future<ScimReply> get(BusRequest request) {
    return db.read(request.deadline(), conn -> tenants.get(conn, request.tenant()))
        .map(tenant -> ScimReply.ok(found(tenant, request), null));
  }

  private Future<ScimReply> list(BusRequest request) {
    Page page = Page.of(request);
    return db.read(request.deadline(), conn -> tenants.count(conn).compose(total -> tenants.list(conn, page)
        .map(items -> ScimReply.ok(page.body(total, items), null))));
  }

  private Future<ScimReply> update(BusRequest request) {
    Object name = request.body().getValue("displayName");
    if (name == null || request.body().size() > 1) {
      throw ScimException.invalidValue("displayName is the only updatable field; set the profile at /profile");
    }
    String displayName = displayName(name);
    return db.transaction(request.deadline(), tx -> tenants.rename(tx, request.tenant(), displayName))
        .map(tenant -> ScimReply.ok(found(tenant, request), null));
  }

  /** Marks the tenant deleted and revokes its tokens in one transaction, then tells every gateway. */
  private Future<ScimReply> delete(BusRequest request) {
    String tenant = request.tenant();
    return db.transaction(request.deadline(), tx -> tenants.delete(tx, tenant).compose(deleted -> {
      if (!deleted) {
        return Future.failedFuture(notFound(tenant));
      }
      return tokens.revokeAll(tx, tenant);
    })).map(revoked -> {
      bus.publish(BusAddresses.TOKENS_REVOKED, new TokensRevoked(tenant, revoked).toJson());
      return ScimReply.noContent();
    });
  }

  private Future<ScimReply> profile(BusRequest request) {
    return db.read(request.deadline(), conn -> tenants.profile(conn, request.tenant()))
        .map(profile -> ScimReply.ok(found(profile, request), null));
  }

  /** Stores the validated profile, then publishes the change so services drop their cached copy. */
  private Future<ScimReply> setProfile(BusRequest request) {
    String tenant = request.tenant();
    JsonObject profile = ProfileInput.resolve(request.body());
    return db.transaction(request.deadline(), tx -> tenants.setProfile(tx, tenant, profile)).map(updated -> {
      if (!updated) {
        throw notFound(tenant);
      }
      bus.publish(BusAddresses.PROFILE_CHANGED, new JsonObject().put("tenant", tenant),
          new DeliveryOptions().addHeader(BusHeaders.TENANT, tenant));
      return ScimReply.ok(profile, null);
    });
  }

  private static JsonObject found(JsonObject value, BusRequest request) {
    if (value == null) {
      throw notFound(request.tenant());
    }
    return value;
  }

  public static ScimException notFound(String tenant) {
    return ScimException.notFound("tenant " + tenant + " not found");
  }

  /** Refuses a field the request does not define, so a misspelt {@code profile} is never silently the default. */
  private static void knownFields(JsonObject body, Set<String> known) {
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) {
        throw ScimException.invalidValue("field " + field + " is unknown; known fields: "
            + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  private static String displayName(Object value) {
    if (!(value instanceof String name) || name.isBlank() || name.length() > MAX_DISPLAY_NAME) {
      throw ScimException.invalidValue("displayName must be a non-empty string of at most " + MAX_DISPLAY_NAME
          + " characters");
    }
    ControlCharacters.check(name, false, "displayName");
    return name;
  }
}
