package io.scimbus.bench;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Plain SCIM over HTTP to any server: every request takes one from the {@link Budget}, and its latency and status go
 * to the {@link Recorder} under the operation's name. Non-2xx answers are recorded as errors, never hidden.
 */
public final class ScimClient {
  static final String SCIM_JSON = "application/scim+json";
  static final long REQUEST_TIMEOUT_MS = 30_000;

  private final HttpClient http;
  private final Recorder recorder;
  private final Budget budget;

  public ScimClient(HttpClient http, Recorder recorder, Budget budget) {
    this.http = http;
    this.recorder = recorder;
    this.budget = budget;
  }

  public Future<Response> get(String op, Target target, String path) {
    return send(op, target, HttpMethod.GET, path, null, System.nanoTime());
  }

  public Future<Response> post(String op, Target target, String path, JsonObject body) {
    return send(op, target, HttpMethod.POST, path, body, System.nanoTime());
  }

  public Future<Response> patch(String op, Target target, String path, JsonObject body) {
    return send(op, target, HttpMethod.PATCH, path, body, System.nanoTime());
  }

  /**
   * Sends one request. Latency is measured from {@code intendedNanos}, which open-loop runs set to the scheduled
   * send time, so a stalled server is charged for the requests it delayed (no coordinated omission).
   */
  public Future<Response> send(String op, Target target, HttpMethod method, String path, JsonObject body,
      long intendedNanos) {
    if (!budget.take()) {
      return Future.failedFuture(BudgetSpent.INSTANCE);
    }
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(target.baseUrl() + path)
        .setIdleTimeout(REQUEST_TIMEOUT_MS)
        .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.token())
        .putHeader(HttpHeaders.ACCEPT, SCIM_JSON);
    if (body != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, SCIM_JSON);
    }
    OpStats stats = recorder.op(op);
    return http.request(options)
        .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
        .compose(response -> response.body().map(buffer -> new Response(response.statusCode(), buffer)))
        .recover(failure -> Future.succeededFuture(new Response(0, Buffer.buffer(failure.toString()))))
        .onSuccess(response -> stats.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intendedNanos),
            response.status(), response.ok() ? null : response.body().toString()));
  }

  /** {@code /Users?filter=...} with the filter percent-encoded (spaces as %20, which every server reads). */
  public static String filtered(String endpoint, String filter) {
    return endpoint + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
