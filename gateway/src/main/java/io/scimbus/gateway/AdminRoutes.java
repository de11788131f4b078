package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.contract.BusAddresses;
import io.scimbus.contract.RequestFields;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.Function;

/**
 * The operators' admin API under {@value #PREFIX}, described by {@code openapi/admin-v1.yaml} (served unauthenticated
 * at {@value #PREFIX}/openapi.yaml). Tenants, token rows, profiles and the provisioning log live in policy-service
 * (dead letters in every service with a queue, see {@link DeadLetterRoutes});
 * the gateway adds what only it has: the signing keys (a token is signed here, around the id policy-service created)
 * and the public base URL.
 */
final class AdminRoutes {
  static final String PREFIX = "/admin/v1";
  static final String OPENAPI_RESOURCE = "openapi/admin-v1.yaml";
  static final String JSON = "application/json";
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final ServiceClient client;
  private final TokenIssuer issuer;
  private final AdminAuthHandler auth;
  private final Buffer openApi;

  AdminRoutes(ServiceClient client, TokenIssuer issuer, AdminAuthHandler auth, Buffer openApi) {
    this.client = client;
    this.issuer = issuer;
    this.auth = auth;
    this.openApi = openApi;
  }

  void mount(Router router) {
    router.get(PREFIX + "/openapi.yaml").handler(rc -> rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(openApi));
    router.route(PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(auth);
    String tenants = PREFIX + "/tenants";
    String tenant = tenants + "/:tenant";
    router.post(tenants).handler(rc -> call(rc, Actions.TENANT_CREATE, this::withBaseUrl));
    router.get(tenants).handler(rc -> call(rc, Actions.TENANT_LIST, this::withBaseUrls));
    router.get(tenant).handler(rc -> call(rc, Actions.TENANT_GET, this::withBaseUrl));
    router.patch(tenant).handler(rc -> call(rc, Actions.TENANT_UPDATE, this::withBaseUrl));
    router.delete(tenant).handler(rc -> call(rc, Actions.TENANT_DELETE, Function.identity()));
    router.post(tenant + "/tokens/regenerate").handler(rc -> call(rc, Actions.TOKEN_REGENERATE, this::signed));
    router.post(tenant + "/tokens").handler(rc -> call(rc, Actions.TOKEN_CREATE, this::signed));
    router.get(tenant + "/tokens").handler(rc -> call(rc, Actions.TOKEN_LIST, Function.identity()));
    router.delete(tenant + "/tokens/:id").handler(rc -> call(rc, Actions.TOKEN_REVOKE, Function.identity()));
    router.get(tenant + "/profile").handler(rc -> call(rc, Actions.PROFILE, Function.identity()));
    router.put(tenant + "/profile").handler(rc -> call(rc, Actions.PROFILE_SET, Function.identity()));
    router.get(tenant + "/provisioning-log").handler(rc -> call(rc, Actions.PROVISIONING_LOG, Function.identity()));
    new DeadLetterRoutes(client).mount(router, tenant);
    new PortalRoutes((rc, action) -> call(rc, action, Function.identity())).mount(router, tenant);
    mountWebhooks(router, tenant + "/webhooks");
  }

  /** Webhook endpoints live in notifier-service. */
  private void mountWebhooks(Router router, String webhooks) {
    String webhook = webhooks + "/:id";
    router.post(webhooks).handler(rc -> notifier(rc, Actions.WEBHOOK_CREATE));
    router.get(webhooks).handler(rc -> notifier(rc, Actions.WEBHOOK_LIST));
    router.get(webhook).handler(rc -> notifier(rc, Actions.WEBHOOK_GET));
    router.patch(webhook).handler(rc -> notifier(rc, Actions.WEBHOOK_UPDATE));
    router.delete(webhook).handler(rc -> notifier(rc, Actions.WEBHOOK_DELETE));
    router.post(webhook + "/rotate-secret").handler(rc -> notifier(rc, Actions.WEBHOOK_ROTATE_SECRET));
    router.get(webhook + "/deliveries").handler(rc -> notifier(rc, Actions.WEBHOOK_DELIVERIES));
    router.post(webhook + "/replay").handler(rc -> notifier(rc, Actions.WEBHOOK_REPLAY));
    router.post(webhook + "/test").handler(rc -> notifier(rc, Actions.WEBHOOK_TEST));
  }

  private void notifier(RoutingContext rc, String action) {
    call(rc, BusAddresses.NOTIFIER, action, Function.identity());
  }

  /** One admin request: to policy-service with the URL's tenant as header, the reply's body through {@code finish}. */
  private void call(RoutingContext rc, String action, Function<JsonObject, JsonObject> finish) {
    call(rc, BusAddresses.POLICY, action, finish);
  }

  private void call(RoutingContext rc, String address, String action, Function<JsonObject, JsonObject> finish) {
    JsonObject payload = new JsonObject()
        .put(RequestFields.BODY, JsonBody.orEmpty(rc))
        .put(RequestFields.QUERY, BusForwarder.query(rc));
    if (rc.pathParam("id") != null) {
      payload.put(RequestFields.ID, rc.pathParam("id"));
    }
    client.send(new ServiceRequest(address, action, rc.pathParam("tenant"), RequestIdHandler.of(rc), payload))
        .onSuccess(reply -> {
          rc.response().setStatusCode(reply.status());
          if (reply.body() == null) {
            rc.response().end();
          } else {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(finish.apply(reply.body()).toBuffer());
          }
        })
        .onFailure(rc::fail);
  }

  /** A token row from policy-service, with its signed secret: the only time the secret is ever shown. */
  private JsonObject signed(JsonObject token) {
    String tenant = token.getString("tenant");
    return token.put("token", issuer.issue(tenant, token.getString("id"))).put("scimBaseUrl", scimBaseUrl(tenant));
  }

  private JsonObject withBaseUrl(JsonObject tenant) {
    return tenant.put("scimBaseUrl", scimBaseUrl(tenant.getString("id")));
  }

  private JsonObject withBaseUrls(JsonObject page) {
    JsonArray resources = page.getJsonArray("Resources", new JsonArray());
    for (int i = 0; i < resources.size(); i++) {
      withBaseUrl(resources.getJsonObject(i));
    }
    return page;
  }

  private String scimBaseUrl(String tenant) {
    return client.tenantBaseUrl(tenant);
  }
}
