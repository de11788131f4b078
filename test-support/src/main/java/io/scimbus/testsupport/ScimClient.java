package io.scimbus.testsupport;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP SCIM client for black-box tests: what an IdP sees is all it sees. */
public final class ScimClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;
  private final String tenant;

  public ScimClient(String baseUrl, String token, String tenant) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.tenant = tenant;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String tenant() {
    return tenant;
  }

  public ScimClient withToken(String otherToken) {
    return new ScimClient(baseUrl, otherToken, tenant);
  }

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, JsonObject body) {
    return send("POST", path, body == null ? null : body.encode());
  }

  public Response put(String path, JsonObject body) {
    return send("PUT", path, body.encode());
  }

  public Response patch(String path, JsonObject body) {
    return send("PATCH", path, body.encode());
  }

  public Response delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends raw text, for malformed-body tests. */
  public Response send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/scim+json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer with its body parsed when it is JSON. */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public JsonObject json() {
      return raw.body() == null || raw.body().isEmpty() ? null : new JsonObject(raw.body());
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status() + " " + raw.body();
    }
  }
}
