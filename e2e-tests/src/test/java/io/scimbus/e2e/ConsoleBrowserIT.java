package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.testsupport.WebhookReceiver;
import io.scimbus.testsupport.WebhookReceiver.Delivery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium against the running cluster: what a customer-success manager does
 * to onboard a tenant and answer "where is my user", and what a webhook consumer does to get an event again. Its
 * screenshots are the README's ({@code docs/console-*.png}).
 */
class ConsoleBrowserIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration TOKEN_BOUND = Duration.ofSeconds(
      CLUSTER.config().integer(ConfigKeys.TOKEN_CACHE_SECONDS));
  private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
  private static Chromium chromium;
  private static WebDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void openBrowser() {
    chromium = Chromium.start();
    browser = chromium.driver();
    wait = new WebDriverWait(browser, PATIENCE);
  }

  @AfterEach
  void noScriptErrorsNorPolicyViolations() {
    assertEquals(List.of(), chromium.scriptErrors());
  }

  @AfterAll
  static void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anOperatorOnboardsATenantFindsAUserInTheLogRegeneratesTheTokenAndReplaysAWebhook() {
    logIn();
    String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 6);

    // create the tenant; the console goes on to its connection page
    type(By.id("tenant-id"), tenant);
    type(By.id("tenant-name"), "Acme Corp");
    new Select(browser.findElement(By.id("tenant-preset"))).selectByValue("standard");
    browser.findElement(By.id("create-tenant-submit")).click();
    String scimBaseUrl = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scim-base-url"))).getText();
    assertEquals(CLUSTER.gatewayUrl() + "/scim/v2/" + tenant, scimBaseUrl);

    // issue a token: shown once, and it works for SCIM
    type(By.id("token-description"), "Entra ID");
    browser.findElement(By.id("issue-token-submit")).click();
    String token = shownSecret(null);
    assertTrue(browser.findElement(By.cssSelector(".secret .warning")).getText().startsWith("Shown once."));
    screenshot("console-token.png");
    ScimClient scim = new ScimClient(scimBaseUrl, token, tenant);
    Response created = scim.post("/Users", user("ada@acme.example"));
    assertEquals(201, created.status(), created.toString());

    // find the user in the provisioning log, live, and open the entry
    browser.findElement(By.linkText("Provisioning log")).click();
    type(By.id("log-username"), "ada@acme.example");
    browser.findElement(By.id("log-tail")).click();
    By entry = By.cssSelector("tr[data-entry] td.username");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(entry, "ada@acme.example"));
    wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-entry] td code"), created.json().getString("id")));
    // the live tail redraws the table every few seconds: elements are looked up again for each step
    clickWhenStable(By.cssSelector("tr[data-entry] button[aria-controls]"));
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".request-id"), created.header("X-Request-Id")));
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".no-behaviours"),
        "No portal behaviour was applied for this request."));
    screenshot("console-log.png");

    // the overview counts it as the last successful sync
    browser.findElement(By.linkText("Overview")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stats"),
        "create User ada@acme.example"));

    // regenerate: the old token is refused, the new one works
    browser.findElement(By.linkText("Connection & tokens")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("regenerate-token"))).click();
    clickInDialog("Regenerate and revoke the others");
    String regenerated = shownSecret(token);
    Eventually.await(TOKEN_BOUND, () -> scim.get("/Users"), r -> r.status() == 401);
    ScimClient renewed = scim.withToken(regenerated);
    assertEquals(200, renewed.get("/Users").status());
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tokens .badge.ok"), 1));
    assertEquals(1, browser.findElements(By.cssSelector("#tokens .badge.off")).size(), "the first token, revoked");

    // register a webhook endpoint, then replay the delivery of a change
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      browser.findElement(By.linkText("Webhooks")).click();
      type(By.id("webhook-url"), receiver.url());
      browser.findElement(By.id("register-webhook-submit")).click();
      assertTrue(shownSecret(null).startsWith("whsec_"));
      browser.findElement(By.linkText("Open the endpoint")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery-log")));

      Response grace = renewed.post("/Users", user("grace@acme.example"));
      assertEquals(201, grace.status(), grace.toString());
      Delivery delivered = receiver.await(PATIENCE, all -> all.stream().anyMatch(d -> isOf(d, grace))).stream()
          .filter(d -> isOf(d, grace)).findFirst().orElseThrow();
      By attempt = By.cssSelector("tr[data-event='" + delivered.id() + "'] button.replay");
      wait.until(driver -> {
        if (driver.findElements(attempt).isEmpty()) {
          driver.findElement(By.id("refresh-deliveries")).click();
          return false;
        }
        return true;
      });
      browser.findElement(attempt).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-result")));
      List<Delivery> again = receiver.await(PATIENCE,
          all -> all.stream().filter(d -> d.id().equals(delivered.id())).count() == 2);
      assertEquals(delivered.json(), again.get(again.size() - 1).json(), "the same event, with its webhook-id");
      By attempts = By.cssSelector("tr[data-event='" + delivered.id() + "']");
      wait.until(driver -> {
        if (driver.findElements(attempts).size() < 2) {
          driver.findElement(By.id("refresh-deliveries")).click();
          return false;
        }
        return true;
      });
      screenshot("console-webhook.png");
    }
  }

  @Test
  void anOperatorRenamesATenantSeesProfileErrorsAtTheirFieldAndDeletesTheTenant() {
    ScimClient scim = CLUSTER.newTenant();
    String tenant = scim.tenant();
    logIn();
    type(By.id("tenant-search"), tenant);
    By row = By.cssSelector("tr[data-tenant='" + tenant + "']");
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-tenant]"), 1));
    browser.findElement(row).findElement(By.xpath(".//button[normalize-space()='Rename']")).click();
    WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("rename-" + tenant)));
    name.clear();
    name.sendKeys("Globex Inc\n");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Globex Inc"));
    assertEquals("Globex Inc", CLUSTER.admin().get("/tenants/" + tenant).json().getString("displayName"));

    browser.findElement(By.linkText(tenant)).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Globex Inc"));
    browser.findElement(By.linkText("Profile")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-profile"))).click();
    type(By.id("users-patterns"), "userName = [unclosed");
    browser.findElement(By.id("save-profile")).click();
    WebElement local = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("users-patterns-error")));
    assertTrue(local.getText().contains("not a valid regular expression"), local.getText());
    assertEquals(browser.findElement(By.id("users-patterns")), browser.switchTo().activeElement());
    type(By.id("users-patterns"), "");
    type(By.id("users-required"), "noSuchAttribute");
    browser.findElement(By.id("save-profile")).click();
    WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("users-required-error")));
    assertTrue(refused.getText().contains("noSuchAttribute"), "the server's detail, at the field: " + refused.getText());
    assertEquals("standard", CLUSTER.admin().get("/tenants/" + tenant).json().getString("profile"), "nothing stored");

    browser.findElement(By.linkText("Tenants")).click();
    type(By.id("tenant-search"), tenant);
    wait.until(ExpectedConditions.elementToBeClickable(row)).findElement(
        By.xpath(".//button[normalize-space()='Delete']")).click();
    WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//dialog[@open]//button[normalize-space()='Delete tenant']")));
    assertFalse(confirm.isEnabled(), "disabled until the id is typed");
    browser.findElement(By.id("confirm-typed")).sendKeys(tenant);
    clickInDialog("Delete tenant");
    Eventually.await(TOKEN_BOUND, () -> scim.get("/Users"), r -> r.status() == 401);
    assertEquals(404, CLUSTER.admin().get("/tenants/" + tenant).status());
  }

  @Test
  void anOperatorMapsAnIdpGroupToADashboardRoleSeesTheCollaboratorWithItAndAnInvalidSettingAtItsField() {
    ScimClient scim = CLUSTER.newTenant();
    String tenant = scim.tenant();
    String portals = "/tenants/" + tenant + "/portals/";
    logIn();
    type(By.id("tenant-search"), tenant);
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText(tenant))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Portals"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Dashboard"))).click();

    // the dashboard creates collaborators, and members of portal-admins are Admin
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("dashboard-onCreate"))))
        .selectByValue("create-collaborator");
    new Select(browser.findElement(By.id("dashboard-defaultRole"))).selectByValue("Viewer");
    browser.findElement(By.id("add-mapping")).click();
    browser.findElement(By.cssSelector("tr[data-mapping] input.mapping-group")).sendKeys("portal-admins");
    new Select(browser.findElement(By.cssSelector("tr[data-mapping] select.mapping-role"))).selectByValue("Admin");
    browser.findElement(By.id("save-dashboard")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Dashboard settings saved."));
    JsonObject dashboard = CLUSTER.admin().get(portals + "dashboard").json();
    assertEquals("create-collaborator", dashboard.getString("onCreate"));
    assertEquals(new JsonObject().put("portal-admins", "Admin"), dashboard.getJsonObject("roleMapping"));

    // the IdP creates a user, then the group with it as a member: the collaborator shows with the mapped role
    Response ada = scim.post("/Users", user("ada@portal.example"));
    assertEquals(201, ada.status(), ada.toString());
    String adaId = ada.json().getString("id");
    JsonArray members = new JsonArray().add(new JsonObject().put("value", adaId));
    Response group = scim.post("/Groups", new JsonObject().put("schemas", new JsonArray().add(GROUP))
        .put("displayName", "portal-admins").put("members", members));
    assertEquals(201, group.status(), group.toString());
    By collaborator = By.cssSelector("tr[data-collaborator='" + adaId + "']");
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      List<WebElement> rows = driver.findElements(collaborator);
      if (!rows.isEmpty() && rows.get(0).findElement(By.cssSelector("td.role")).getText().equals("Admin")) {
        return true;
      }
      driver.findElement(By.id("refresh-collaborators")).click();
      return false;
    });
    WebElement row = browser.findElement(collaborator);
    assertEquals("mapped groups", row.findElement(By.cssSelector("td.role-source")).getText());
    assertTrue(row.getText().contains("ada@portal.example"), row.getText());
    screenshot("console-portals.png");

    // a role set by hand
    new Select(row.findElement(By.id("role-" + adaId))).selectByValue("Viewer");
    row.findElement(By.xpath(".//button[normalize-space()='Set']")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-collaborator='" + adaId + "'] td.role-source"),
        "set by an admin"));
    assertEquals("admin", CLUSTER.admin().get("/tenants/" + tenant + "/collaborators/" + adaId).json()
        .getString("roleSource"));

    // moving devices to a policy needs a policy: the server's refusal shows at that field, and nothing is stored
    browser.findElement(By.linkText("MDM Portal")).click();
    new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("mdm-onDeactivate"))))
        .selectByValue("change-device-policy");
    browser.findElement(By.id("save-mdm")).click();
    WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.id("mdm-deactivationPolicyId-error")));
    assertTrue(refused.getText().contains("needs deactivationPolicyId"), refused.getText());
    assertEquals(browser.findElement(By.id("mdm-deactivationPolicyId")), browser.switchTo().activeElement());
    assertEquals("true", browser.findElement(By.id("mdm-deactivationPolicyId")).getAttribute("aria-invalid"));
    assertEquals("nothing", CLUSTER.admin().get(portals + "mdm").json().getString("onDeactivate"), "nothing stored");

    // a policy created on the page can be chosen at once; a device goes on it, then is deleted
    type(By.id("device-policy-name"), "locked");
    browser.findElement(By.id("create-device-policy-submit")).click();
    By policy = By.cssSelector("tr[data-device-policy]");
    String policyId = wait.until(ExpectedConditions.visibilityOfElementLocated(policy))
        .getAttribute("data-device-policy");
    new Select(browser.findElement(By.id("mdm-deactivationPolicyId"))).selectByValue(policyId);
    browser.findElement(By.id("save-mdm")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "MDM Portal settings saved."));
    assertEquals(policyId, CLUSTER.admin().get(portals + "mdm").json().getString("deactivationPolicyId"));
    type(By.id("device-name"), "Ada laptop");
    type(By.id("device-serial"), "C02XK");
    type(By.id("device-user"), adaId);
    browser.findElement(By.id("register-device-submit")).click();
    By device = By.cssSelector("tr[data-device]");
    String deviceId = wait.until(ExpectedConditions.visibilityOfElementLocated(device)).getAttribute("data-device");
    new Select(browser.findElement(By.id("policy-" + deviceId))).selectByValue(policyId);
    browser.findElement(device).findElement(By.xpath(".//button[normalize-space()='Set policy']")).click();
    String devicePath = "/tenants/" + tenant + "/devices/" + deviceId;
    JsonObject stored = Eventually.await(PATIENCE, () -> CLUSTER.admin().get(devicePath).json(),
        json -> policyId.equals(json.getString("policyId")));
    assertEquals(adaId, stored.getString("assignedUserId"));
    clickWhenStable(By.cssSelector("tr[data-device] button.danger"));
    clickInDialog("Delete device");
    wait.until(ExpectedConditions.numberOfElementsToBe(device, 0));
    assertEquals(404, CLUSTER.admin().get(devicePath).status());

    // the user's create, opened in the provisioning log, shows the collaborator it caused
    String byRequest = "/tenants/" + tenant + "/provisioning-log?requestId=" + ada.header("X-Request-Id");
    String createEntry = Eventually.await(PATIENCE, () -> CLUSTER.admin().get(byRequest).json()
        .getJsonArray("Resources").stream().map(JsonObject.class::cast)
        .filter(e -> "POST".equals(e.getString("method"))).map(e -> e.getString("id")).findFirst().orElse(""),
        id -> !id.isEmpty());
    browser.findElement(By.linkText("Provisioning log")).click();
    type(By.id("log-resource"), adaId);
    browser.findElement(By.id("log-apply")).click();
    clickWhenStable(By.cssSelector("tr[data-entry='" + createEntry + "'] button[aria-controls]"));
    By caused = By.cssSelector("#log-detail-" + createEntry + " tr[data-related]");
    WebElement behaviour = wait.until(ExpectedConditions.visibilityOfElementLocated(caused));
    assertEquals("collaborator.created", behaviour.findElement(By.cssSelector("td.operation")).getText());
    assertTrue(behaviour.getText().contains(adaId), behaviour.getText());
  }

  @Test
  void aWrongSecretIsRefusedWhereItWasTyped() {
    browser.manage().deleteAllCookies();
    browser.get(CLUSTER.gatewayUrl() + "/console");
    type(By.id("admin-secret"), "not-the-secret");
    browser.findElement(By.id("login-submit")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-secret-error")));
    assertTrue(error.getText().startsWith("That is not the admin secret"), error.getText());
    assertEquals("true", browser.findElement(By.id("admin-secret")).getAttribute("aria-invalid"));
    assertEquals(browser.findElement(By.id("admin-secret")), browser.switchTo().activeElement(), "focus stays there");
  }

  private static void logIn() {
    browser.manage().deleteAllCookies();
    browser.get(CLUSTER.gatewayUrl() + "/console");
    type(By.id("admin-secret"), CLUSTER.config().string(ConfigKeys.ADMIN_TOKEN));
    browser.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Tenants"));
  }

  /** The secret of the "shown once" panel, once it shows one other than {@code previous}. */
  private static String shownSecret(String previous) {
    By value = By.id("secret-value");
    wait.until(driver -> {
      List<WebElement> shown = driver.findElements(value);
      return !shown.isEmpty() && !shown.get(0).getText().isEmpty() && !shown.get(0).getText().equals(previous);
    });
    String secret = browser.findElement(value).getText();
    assertNotEquals(previous, secret);
    return secret;
  }

  private static void clickWhenStable(By target) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      driver.findElement(target).click();
      return true;
    });
  }

  private static void clickInDialog(String label) {
    By button = By.xpath("//dialog[@open]//button[normalize-space()='" + label + "']");
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
  }

  private static void type(By field, String text) {
    WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
    input.clear();
    input.sendKeys(text);
  }

  private static boolean isOf(Delivery delivery, Response created) {
    return created.json().getString("id").equals(delivery.json().getString("resourceId"));
  }

  /** The whole page, up to a laptop screen and a half, as the README shows it. */
  private static void screenshot(String name) {
    Dimension window = browser.manage().window().getSize();
    JavascriptExecutor page = (JavascriptExecutor) browser;
    long height = (Long) page.executeScript("return document.documentElement.scrollHeight");
    browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 1350)));
    page.executeScript("window.scrollTo(0, 0)");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser)
          .getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  private static JsonObject user(String userName) {
    return new JsonObject().put("schemas", new JsonArray().add(USER)).put("userName", userName);
  }
}
