package io.scimbus.testsupport;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

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

  public String token() {
    return token;
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
    return send(method, path, body, Map.of());
  }

  /** Sends with extra request headers, such as {@code If-Match}. */
  public Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/scim+json");
    headers.forEach(request::header);
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

  /**
   * A query string from name/value pairs, percent-encoded: {@code query("filter", "userName eq \"a\"")} gives
   * {@code ?filter=userName%20eq%20%22a%22}.
   */
  public static String query(String... namesAndValues) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.append(i == 0 ? '?' : '&').append(encode(namesAndValues[i])).append('=')
          .append(encode(namesAndValues[i + 1]));
    }
    return query.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
