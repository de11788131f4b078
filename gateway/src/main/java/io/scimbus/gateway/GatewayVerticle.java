package io.scimbus.gateway;

import io.scimbus.contract.Actions;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The HTTP entry: SCIM routes per tenant, authenticated, forwarded over the clustered bus; bulk and the admin API. */
public final class GatewayVerticle extends VerticleBase {
  public static final String SERVICE = "gateway";
  private static final long SHUTDOWN_GRACE_SECONDS = 20;

  private final ServiceContext context;
  private HttpServer server;
  private TenantEdge tenants;

  public GatewayVerticle(ServiceContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    ServiceConfig config = context.config();
    long maxPayloadBytes = config.longValue(ConfigKeys.MAX_PAYLOAD_BYTES);
    String publicBaseUrl = config.string(ConfigKeys.PUBLIC_BASE_URL).replaceAll("/+$", "");
    tenants = new TenantEdge(vertx, config);
    ServiceClient client = new ServiceClient(vertx.eventBus(), config.longValue(ConfigKeys.BUS_TIMEOUT_MS),
        publicBaseUrl);
    BusForwarder forwarder = new BusForwarder(client);
    ScimFailureHandler failures = new ScimFailureHandler();
    StrictJson json = new StrictJson(new StrictJson.Limits(config.integer(ConfigKeys.MAX_JSON_DEPTH),
        config.integer(ConfigKeys.MAX_JSON_STRING_CHARS), maxPayloadBytes));

    Router router = Router.router(vertx);
    router.route().handler(new RequestIdHandler())
        .handler(new RequestOutcomeHandler(List.of(new AccessLog(), new ScimRequestMetrics())))
        .handler(new CleanUriHandler())
        .handler(JsonBody.parsingWith(json));
    tenants.protect(router.route(ScimMedia.SCIM_PREFIX + "/*")
        .handler(BodyHandler.create(false).setBodyLimit(maxPayloadBytes)).handler(RouteTemplate::remember));
    router.route(ScimMedia.SCIM_PREFIX + "/*").handler(new ContentTypeHandler());
    ResourceEndpoints.ADDRESSES.forEach((endpoint, address) -> resourceRoutes(router, forwarder, endpoint, address));
    new DiscoveryRoutes(forwarder, maxPayloadBytes).mount(router);
    router.post(ScimMedia.SCIM_PREFIX + "/Bulk").handler(RouteTemplate::remember)
        .handler(new BulkHandler(new BulkExecutor(client)));
    router.post(ScimMedia.SCIM_PREFIX + "/.search").handler(RouteTemplate::remember)
        .handler(new RootSearchHandler(client));
    router.route().failureHandler(failures);
    router.errorHandler(400, failures);
    router.errorHandler(404, failures);
    router.errorHandler(405, failures);
    router.errorHandler(413, failures);
    router.errorHandler(500, failures);

    context.readiness().register("gateway-http", promise -> promise.tryComplete(
        server != null ? Status.OK() : Status.KO()));
    return Future.join(tenants.start(), tenants.mountAdmin(router, client))
        .compose(ready -> vertx.createHttpServer(httpOptions(config))
            .invalidRequestHandler(new InvalidRequestHandler(config.integer(ConfigKeys.MAX_REQUEST_LINE_BYTES),
                config.integer(ConfigKeys.MAX_HEADER_BYTES)))
            .requestHandler(router)
            .listen(config.integer(ConfigKeys.HTTP_PORT), config.string(ConfigKeys.HTTP_HOST)))
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    // In-flight requests finish; new connections are refused while Kubernetes drains the pod.
    Future<Void> drained = server == null ? Future.succeededFuture()
        : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    return drained.eventually(tenants::stop);
  }

  /** The actual port, when configured as 0. */
  public int port() {
    return server.actualPort();
  }

  /**
   * HTTP/1.1 with the configured request-line and header limits. Cleartext HTTP/2 upgrades are declined: Netty's
   * HTTP/2 codec answers its own refusals (431 for a long path) with no body, out of reach of
   * {@link InvalidRequestHandler}, and SCIM clients gain nothing from it (TLS ends at the ingress).
   */
  private static HttpServerOptions httpOptions(ServiceConfig config) {
    return new HttpServerOptions()
        .setHttp2ClearTextEnabled(false)
        .setMaxInitialLineLength(config.integer(ConfigKeys.MAX_REQUEST_LINE_BYTES))
        .setMaxHeaderSize(config.integer(ConfigKeys.MAX_HEADER_BYTES));
  }

  private static void resourceRoutes(Router router, BusForwarder forwarder, String endpoint, String address) {
    String collection = ScimMedia.SCIM_PREFIX + endpoint;
    String item = collection + "/:id";
    router.post(collection + "/.search").handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.LIST, true));
    router.post(collection).handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.CREATE, true));
    router.get(collection).handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.LIST, false));
    router.get(item).handler(RouteTemplate::remember).handler(rc -> forwarder.forward(rc, address, Actions.GET, false));
    router.put(item).handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.REPLACE, true));
    router.patch(item).handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.PATCH, true));
    router.route(HttpMethod.DELETE, item).handler(RouteTemplate::remember)
        .handler(rc -> forwarder.forward(rc, address, Actions.DELETE, false));
  }
}
