package io.scimbus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.Defaults;
import io.scimbus.runtime.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scimbus up} runs every service in one JVM unless asked for a JVM per service, and reads their configuration
 * as a service JVM does (README, Configuration).
 */
class OneJvmConfigTest {
  private static final Map<String, String> LAUNCHER = Map.of(ConfigKeys.HTTP_PORT, "18080");

  @Test
  void everyServiceRunsInOneJvmUnlessAJvmPerServiceIsAskedFor() {
    assertFalse(ScimbusUp.Options.parse(new String[] {"up"}).jvmPerService());
    assertTrue(ScimbusUp.Options.parse(new String[] {"up", "--jvm-per-service"}).jvmPerService());
  }

  @Test
  void theRateLimitFromTheEnvironmentIsHonoured() {
    ServiceConfig config = ScimbusUp.oneJvmConfig(Map.of(ConfigKeys.RATE_LIMIT_PER_SECOND, "7"), LAUNCHER);

    assertEquals(7, config.integer(ConfigKeys.RATE_LIMIT_PER_SECOND));
  }

  @Test
  void theConfigFileIsReadAndTheEnvironmentOverridesIt(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("scimbus.json"), "{\"" + ConfigKeys.RATE_LIMIT_PER_SECOND + "\": 3, \""
        + ConfigKeys.RATE_LIMIT_BURST + "\": 9}");

    ServiceConfig config = ScimbusUp.oneJvmConfig(Map.of(ConfigKeys.CONFIG_FILE, file.toString(),
        ConfigKeys.RATE_LIMIT_PER_SECOND, "7"), LAUNCHER);

    assertEquals(7, config.integer(ConfigKeys.RATE_LIMIT_PER_SECOND));
    assertEquals(9, config.integer(ConfigKeys.RATE_LIMIT_BURST));
  }

  @Test
  void theLauncherSettingsWinAndEverythingElseKeepsItsDefault() {
    ServiceConfig config = ScimbusUp.oneJvmConfig(Map.of(ConfigKeys.HTTP_PORT, "1"), LAUNCHER);

    assertEquals(18080, config.integer(ConfigKeys.HTTP_PORT));
    assertEquals(Defaults.values().getInteger(ConfigKeys.BUS_TIMEOUT_MS), config.integer(ConfigKeys.BUS_TIMEOUT_MS));
  }
}
