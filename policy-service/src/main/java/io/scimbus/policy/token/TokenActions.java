package io.scimbus.policy.token;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.ScimReply;
import io.scimbus.contract.TokensRevoked;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ControlCharacters;
import io.scimbus.policy.tenant.TenantActions;
import io.scimbus.policy.tenant.TenantRepository;
import io.scimbus.runtime.bus.ActionRouter;
import io.scimbus.runtime.bus.BusRequest;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;
import java.util.UUID;

/**
 * Token rows: policy-service decides which token ids are active; the gateway signs the JWT around an id it got
 * here. Every revocation is published after its commit, so gateway caches never outlive the database state.
 */
public final class TokenActions {
  private static final int MAX_DESCRIPTION = 200;

  private final Database db;
  private final EventBus bus;
  private final TenantRepository tenants;
  private final TokenRepository tokens;

  public TokenActions(Database db, EventBus bus, TenantRepository tenants, TokenRepository tokens) {
    this.db = db;
    this.bus = bus;
    this.tenants = tenants;
    this.tokens = tokens;
  }

  public ActionRouter registerOn(ActionRouter router) {
    return router
        .on(Actions.TOKEN_CREATE, this::create)
        .on(Actions.TOKEN_LIST, this::list)
        .on(Actions.TOKEN_REVOKE, this::revoke)
        .on(Actions.TOKEN_REGENERATE, this::regenerate)
        .on(Actions.TOKEN_STATUS, this::status);
  }

  private Future<ScimReply> create(BusRequest request) {
    String tenant = request.tenant();
    String description = description(request.body());
    return db.transaction(request.deadline(), tx -> locked(tx, tenant)
        .compose(v -> tokens.insert(tx, tenant, UUID.randomUUID(), description)))
        .map(token -> new ScimReply(201, token, null));
  }

  private Future<ScimReply> list(BusRequest request) {
    String tenant = request.tenant();
    return db.read(request.deadline(), conn -> tenants.get(conn, tenant).compose(found -> {
      if (found == null) {
        return Future.failedFuture(TenantActions.notFound(tenant));
      }
      return tokens.list(conn, tenant);
    })).map(list -> ScimReply.ok(new JsonObject().put("Resources", new JsonArray(List.copyOf(list))), null));
  }

  /** Revoking an already revoked token succeeds (the operator's intent holds); an unknown id is 404. */
  private Future<ScimReply> revoke(BusRequest request) {
    String tenant = request.tenant();
    UUID id = tokenId(request.id());
    return db.transaction(request.deadline(), tx -> tokens.revoke(tx, tenant, id)).compose(revoked -> {
      if (revoked) {
        bus.publish(BusAddresses.TOKENS_REVOKED, new TokensRevoked(tenant, List.of(id.toString())).toJson());
        return Future.succeededFuture(ScimReply.noContent());
      }
      return db.read(request.deadline(), conn -> tokens.exists(conn, tenant, id)).map(exists -> {
        if (!exists) {
          throw ScimException.notFound("token " + id + " not found for tenant " + tenant);
        }
        return ScimReply.noContent();
      });
    });
  }

  /** A new token row and every earlier token revoked, in one transaction: there is never a moment with none. */
  private Future<ScimReply> regenerate(BusRequest request) {
    String tenant = request.tenant();
    String description = description(request.body());
    UUID id = UUID.randomUUID();
    return db.transaction(request.deadline(), tx -> locked(tx, tenant)
        .compose(v -> tokens.insert(tx, tenant, id, description))
        .compose(token -> tokens.revokeOthers(tx, tenant, id)
            .map(revoked -> token.put("revokedTokenIds", new JsonArray(List.copyOf(revoked))))))
        .map(token -> {
          List<String> revoked = token.getJsonArray("revokedTokenIds").stream().map(String::valueOf).toList();
          bus.publish(BusAddresses.TOKENS_REVOKED, new TokensRevoked(tenant, revoked).toJson());
          return new ScimReply(201, token, null);
        });
  }

  /** Whether the token id is active for the tenant; garbage ids are simply not active. */
  private Future<ScimReply> status(BusRequest request) {
    UUID id;
    try {
      id = UUID.fromString(String.valueOf(request.id()));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(ScimReply.ok(new JsonObject().put("active", false), null));
    }
    return db.read(request.deadline(), conn -> tokens.isActive(conn, request.tenant(), id))
        .map(active -> ScimReply.ok(new JsonObject().put("active", active), null));
  }

  private Future<Void> locked(SqlConnection tx, String tenant) {
    return tenants.lock(tx, tenant).compose(exists -> exists ? Future.succeededFuture()
        : Future.failedFuture(TenantActions.notFound(tenant)));
  }

  private static UUID tokenId(String id) {
    try {
      return UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw ScimException.notFound("token " + id + " not found");
    }
  }

  private static String description(JsonObject body) {
    Object value = body.getValue("description");
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > MAX_DESCRIPTION) {
      throw ScimException.invalidValue("description must be a string of at most " + MAX_DESCRIPTION + " characters");
    }
    ControlCharacters.check(text, false, "description");
    return text;
  }
}
