package io.scimbus.core.profile;

import java.util.List;
import java.util.Map;

/**
 * What a tenant accepts for one resource type. {@code accepted} lists attribute paths ({@code userName},
 * {@code name.givenName}, {@code emails[type eq "work"]}, {@code urn:...:folders}); empty means every attribute of
 * the schema. Attributes outside it are dropped, or refused when {@code rejectOthers}. {@code required} paths must
 * hold a value, {@code allowedValues} maps a path to the exact values it may hold, {@code patterns} maps a path to a
 * regular expression its values must match in full, and {@code unique} paths must not repeat a value
 * (case-insensitively) within the tenant.
 */
public record ResourceRules(boolean enabled, List<String> accepted, boolean rejectOthers, List<String> required,
    Map<String, List<String>> allowedValues, Map<String, String> patterns, List<String> unique) {

  public static final ResourceRules OPEN =
      new ResourceRules(true, List.of(), false, List.of(), Map.of(), Map.of(), List.of());

  public ResourceRules {
    accepted = List.copyOf(accepted);
    required = List.copyOf(required);
    allowedValues = Map.copyOf(allowedValues);
    patterns = Map.copyOf(patterns);
    unique = List.copyOf(unique);
  }
}
