package io.scimbus.e2e;

import static io.scimbus.e2e.ScimAssertions.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The console's session over plain HTTP: what a browser, or a page on another site, can and cannot do with it. */
class ConsoleSessionIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String JSON = "application/json";

  @Test
  void theAdminSecretIsExchangedForAnHttpOnlyStrictSessionCookie() {
    assertScimError(401, send("POST", "/console/session", login("not-the-secret"), JSON, Map.of()));
    assertScimError(415, send("POST", "/console/session", "secret=" + adminSecret(),
        "application/x-www-form-urlencoded", Map.of()));
    assertScimError(400, send("POST", "/console/session", "{\"secret\":", JSON, Map.of()));
    assertScimError(400, send("POST", "/console/session", "{}", JSON, Map.of()));

    Response opened = send("POST", "/console/session", login(adminSecret()), JSON, Map.of());
    assertEquals(200, opened.status(), opened.toString());
    String setCookie = opened.header("Set-Cookie");
    assertTrue(setCookie.startsWith("scimbus_console="), setCookie);
    assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("Path=/"), setCookie);
    assertTrue(setCookie.contains("Max-Age=28800"), setCookie);
    assertFalse(setCookie.contains("Secure"), "this gateway is plain http: " + setCookie);
    assertFalse(setCookie.contains(adminSecret()), "the secret itself never goes into the cookie");
    String csrf = opened.json().getString("csrfToken");
    assertEquals(csrf, send("GET", "/console/session", null, null, cookie(setCookie)).json().getString("csrfToken"),
        "a reloaded page learns its token again");

    assertScimError(401, send("GET", "/console/session", null, null, Map.of()));
    assertScimError(401, send("GET", "/admin/v1/tenants", null, null, Map.of("Cookie", "scimbus_console=1.2.3")));
  }

  @Test
  void aSessionReadsTheAdminApiAndWritesOnlyWithItsCsrfToken() {
    Response opened = send("POST", "/console/session", login(adminSecret()), JSON, Map.of());
    Map<String, String> session = cookie(opened.header("Set-Cookie"));
    String csrf = opened.json().getString("csrfToken");
    assertEquals(200, send("GET", "/admin/v1/tenants", null, null, session).status());

    String tenant = "console-" + UUID.randomUUID().toString().substring(0, 8);
    String create = new JsonObject().put("id", tenant).encode();
    assertScimError(403, send("POST", "/admin/v1/tenants", create, JSON, session));
    assertScimError(403, send("POST", "/admin/v1/tenants", create, JSON,
        with(session, "X-CSRF-Token", csrf.substring(1) + "A")));
    assertEquals(404, CLUSTER.admin().get("/tenants/" + tenant).status(), "a refused write changes nothing");
    assertEquals(201, send("POST", "/admin/v1/tenants", create, JSON, with(session, "X-CSRF-Token", csrf)).status());

    // another session's token is no good
    Response other = send("POST", "/console/session", login(adminSecret()), JSON, Map.of());
    assertScimError(403, send("DELETE", "/admin/v1/tenants/" + tenant, null, null,
        with(session, "X-CSRF-Token", other.json().getString("csrfToken"))));

    assertScimError(403, send("DELETE", "/console/session", null, null, session));
    Response out = send("DELETE", "/console/session", null, null, with(session, "X-CSRF-Token", csrf));
    assertEquals(204, out.status());
    assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
  }

  @Test
  void consolePagesComeFromTheGatewayUnderAStrictContentSecurityPolicy() {
    for (String entry : new String[] {"/", "/console"}) {
      Response root = send("GET", entry, null, null, Map.of());
      assertEquals(302, root.status(), entry);
      assertEquals("/console/", root.header("Location"), entry);
    }
    Response page = send("GET", "/console/", null, null, Map.of());
    assertEquals(200, page.status());
    assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
    assertTrue(page.raw().body().contains("<script type=\"module\" src=\"js/app.js\">"), page.raw().body());
    String policy = page.header("Content-Security-Policy");
    assertTrue(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
        && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe"), policy);
    assertEquals("DENY", page.header("X-Frame-Options"));
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    Response script = send("GET", "/console/js/app.js", null, null, Map.of());
    assertEquals(200, script.status());
    assertTrue(script.header("Content-Type").contains("javascript"), script.header("Content-Type"));
    assertScimError(404, send("GET", "/console/js/missing.js", null, null, Map.of()));
  }

  private static String adminSecret() {
    return CLUSTER.config().string(ConfigKeys.ADMIN_TOKEN);
  }

  private static String login(String secret) {
    return new JsonObject().put("secret", secret).encode();
  }

  /** What a browser sends back for {@code setCookie}. */
  private static Map<String, String> cookie(String setCookie) {
    return Map.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')));
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    return Map.of("Cookie", headers.get("Cookie"), name, value);
  }

  private static Response send(String method, String path, String body, String type, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CLUSTER.gatewayUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    headers.forEach(request::header);
    try {
      return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
