package io.scimbus.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The headless Chromium of the OS packages ({@code apt-get install chromium chromium-driver}), driven through its
 * chromedriver. Both paths are given to Selenium, so it never looks for or downloads a browser of its own. The
 * flags keep it off the network: the machines the tests run on reach no browser services.
 */
final class Chromium implements AutoCloseable {
  static final String BINARY = System.getProperty("console.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  ChromeDriver driver() {
    return driver;
  }

  /**
   * A new browser with a profile of its own. Without Chromium the test fails on CI ({@code CI=true}), which must
   * have it (.ci/run installs it), and is skipped with the reason on a developer's machine.
   */
  static Chromium start() {
    if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
      String missing = "the console's browser tests need " + BINARY + " and " + DRIVER
          + ": apt-get install -y chromium chromium-driver (or -Dconsole.chromium= and -Dconsole.chromedriver=)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(missing);
      }
      Assumptions.abort(missing);
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("scimbus-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(BINARY)
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB", "--user-data-dir=" + profile);
    // the page's console (script errors, CSP violations) for the tests to read
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(60))
        .build();
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  /**
   * What the pages logged as errors since the last call, less the browser's own line for each refused request (the
   * tests make some on purpose): uncaught script errors and Content-Security-Policy violations remain.
   */
  List<String> scriptErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(message -> !message.contains("Failed to load resource"))
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
