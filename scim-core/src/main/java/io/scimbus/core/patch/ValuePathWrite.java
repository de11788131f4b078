package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ResourceNormalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Add and replace through a value filter ({@code emails[type eq "work"].value}). When no element matches, both
 * create one from the filter's values: RFC 7644 would answer noTarget for replace, but Entra ID sets a user's work
 * email and primary role exactly this way on users that have none yet.
 */
final class ValuePathWrite {
  private final ResourceNormalizer normalizer;

  ValuePathWrite(ResourceNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  void apply(Map<String, Object> resource, Target target, Object value, boolean replaceElements) {
    Map<String, Object> container = target.container(resource, true);
    List<Object> elements = target.elements(container, true);
    Set<Object> primaries = Primaries.snapshot(elements);
    List<Map<String, Object>> matches = target.matching(elements);
    if (target.sub() != null) {
      Object normalized = normalizer.normalizeAttribute(target.sub(), value, target.path());
      if (matches.isEmpty()) {
        Map<String, Object> created = ElementFilter.seed(target.filter(), target.attribute(), target.path());
        matches = List.of(created);
        elements.add(created);
      }
      for (Map<String, Object> element : matches) {
        MutabilityGuard.checkWrite(target.sub(), element.get(target.sub().name()), normalized, target.path());
        putOrRemove(element, target.sub().name(), normalized);
      }
    } else {
      Map<String, Object> normalized = element(target, value);
      if (matches.isEmpty()) {
        Map<String, Object> created = ElementFilter.seed(target.filter(), target.attribute(), target.path());
        created.putAll(normalized);
        elements.add(created);
      }
      for (Map<String, Object> element : matches) {
        if (replaceElements) {
          element.clear();
        }
        element.putAll(normalized);
      }
    }
    Primaries.enforce(elements, primaries, target.path());
    target.pruneEmpty(container);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> element(Target target, Object value) {
    Object normalized = normalizer.normalizeSingle(target.attribute(), value, target.path());
    if (normalized == null) {
      throw ScimException.invalidValue(target.path() + " needs an object value");
    }
    return (Map<String, Object>) normalized;
  }

  static void putOrRemove(Map<String, Object> map, String key, Object value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }
}
