package io.scimbus.core.patch;

import io.scimbus.core.resource.ResourceNormalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 7643 §2.4: {@code primary: true} appears at most once per multi-valued attribute. When an operation marks a
 * new element primary, the element that was primary before stops being so, which is what a client switching its
 * preferred email means.
 */
final class Primaries {
  private Primaries() {
  }

  /** The elements primary now, compared by identity so an element edited in place stays recognisable. */
  static Set<Object> snapshot(List<Object> elements) {
    Set<Object> primaries = Collections.newSetFromMap(new IdentityHashMap<>());
    elements.stream().filter(Primaries::isPrimary).forEach(primaries::add);
    return primaries;
  }

  static void enforce(List<Object> elements, Set<Object> before, String path) {
    List<Object> fresh = new ArrayList<>();
    elements.stream().filter(e -> isPrimary(e) && !before.contains(e)).forEach(fresh::add);
    if (fresh.size() > 1) {
      ResourceNormalizer.checkSinglePrimary(fresh, path);
    }
    if (fresh.size() == 1) {
      for (Object element : elements) {
        if (element != fresh.get(0) && isPrimary(element)) {
          ((Map<?, ?>) element).remove("primary");
        }
      }
    }
  }

  private static boolean isPrimary(Object element) {
    return element instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("primary"));
  }
}
