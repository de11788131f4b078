package io.scimbus.core.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimbus.core.error.ScimException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The profiles scimbus ships, selectable by name; each is a {@link ProfileDocument} in {@code /profiles}. */
public final class Presets {
  public static final String STANDARD = "standard";
  public static final String MINIMAL_USERS = "minimal-users";
  public static final String APP_ROLES = "app-roles";
  public static final String ENTERPRISE_TOOLKIT = "enterprise-toolkit";
  public static final List<String> NAMES = List.of(STANDARD, MINIMAL_USERS, APP_ROLES, ENTERPRISE_TOOLKIT);

  private static final Map<String, TenantProfile> PRESETS = load();

  private Presets() {
  }

  public static TenantProfile named(String name) {
    TenantProfile preset = PRESETS.get(name);
    if (preset == null) {
      throw ScimException.invalidValue("unknown preset \"" + name + "\"; presets: " + String.join(", ", NAMES));
    }
    return preset;
  }

  private static Map<String, TenantProfile> load() {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, TenantProfile> presets = new LinkedHashMap<>();
    presets.put(STANDARD, TenantProfile.standard());
    for (String name : NAMES.subList(1, NAMES.size())) {
      try (InputStream in = Presets.class.getResourceAsStream("/profiles/" + name + ".json")) {
        if (in == null) {
          throw new IllegalStateException("preset resource missing: " + name);
        }
        presets.put(name, ProfileDocument.parse(mapper.readValue(in, new TypeReference<Map<String, Object>>() { })));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return presets;
  }
}
