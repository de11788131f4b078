package io.scimbus.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The HTTP ceiling: a bare Vert.x server in its own JVM answering every SCIM path with a small JSON (an empty
 * ListResponse for GET, a 201 with an id for POST, 200 otherwise), so the load generator's own limit and the
 * machine's HTTP cost are measured with nothing behind them.
 */
public final class BareHttpServer {
  private static final Buffer EMPTY_LIST = new JsonObject()
      .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
      .put("totalResults", 0).put("Resources", new JsonArray()).toBuffer();

  private BareHttpServer() {
  }

  /** Argument: the port to listen on (loopback). */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      var response = request.response().putHeader("Content-Type", ScimClient.SCIM_JSON);
      if (request.method() == HttpMethod.GET) {
        response.end(EMPTY_LIST);
      } else if (request.method() == HttpMethod.POST) {
        response.setStatusCode(201).end(new JsonObject().put("id", UUID.randomUUID().toString()).toBuffer());
      } else {
        response.end("{}");
      }
    })).listen(Integer.parseInt(args[0]), "127.0.0.1").await();
    System.out.println("bare HTTP server listening on " + args[0]);
  }
}
