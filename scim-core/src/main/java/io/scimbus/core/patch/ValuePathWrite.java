package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.resource.ValueLimits;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Add and replace through a value filter ({@code emails[type eq "work"].value}), which may use the whole filter
 * grammar ({@code emails[type eq "work" and value co "@x.com"]}). When no element matches, both create one from the
 * filter's {@code eq} comparisons ({@link ElementFromEqFilter}): RFC 7644 would answer noTarget for replace, but
 * Entra ID sets a user's work email and primary role exactly this way on users that have none yet. Any other filter
 * that matches nothing is noTarget.
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
    boolean created = matches.isEmpty();
    if (created) {
      Map<String, Object> element = createFromFilter(target);
      elements.add(element);
      ValueLimits.checkCount(target.attribute(), elements.size(), target.path());
      matches = List.of(element);
    }
    if (target.sub() != null) {
      Object normalized = normalizer.normalizeAttribute(target.sub(), value, target.path());
      for (Map<String, Object> element : matches) {
        MutabilityGuard.checkWrite(target.sub(), element.get(target.sub().name()), normalized, target.path());
        putOrRemove(element, target.sub().name(), normalized);
      }
    } else {
      Map<String, Object> normalized = element(target, value);
      for (Map<String, Object> element : matches) {
        if (replaceElements && !created) {
          element.clear();
        }
        element.putAll(normalized);
      }
    }
    Primaries.enforce(elements, primaries, target.path());
    target.pruneEmpty(container);
  }

  // An element built from the filter must itself match it: "type eq \"a\" and type eq \"b\"" describes none.
  private static Map<String, Object> createFromFilter(Target target) {
    return ElementFromEqFilter.build(target.filter(), target.attribute(), target.path())
        .filter(target.selector())
        .orElseThrow(() -> ScimException.noTarget("no " + target.attribute().name() + " element matches "
            + target.path() + ", and only a filter of eq comparisons joined by and describes one to create"));
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
