package io.scimbus.core.patch;

import io.scimbus.core.patch.quirks.MemberRemovalByValue;
import java.util.List;
import java.util.Map;

/**
 * RFC 7644 §3.5.2.2. A filter that matches nothing is a successful no-op rather than noTarget: Entra ID removes
 * users from groups they already left (and retries removals) and treats any error as a failed sync.
 */
final class RemoveOperation implements OperationHandler {

  @Override
  public void apply(Map<String, Object> resource, Target target, Object value) {
    Map<String, Object> container = target.container(resource, false);
    if (container == null) {
      return;
    }
    String name = target.attribute().name();
    if (target.filter() != null) {
      removeMatching(container, target);
    } else if (target.sub() != null) {
      removeSubAttribute(container, target);
    } else if (target.attribute().multiValued() && MemberRemovalByValue.appliesTo(value)) {
      List<Object> elements = target.elements(container, false);
      container.put(name, MemberRemovalByValue.remaining(elements, value));
    } else {
      MutabilityGuard.checkRemove(target.attribute(), container.get(name), target.path());
      container.remove(name);
    }
    target.pruneEmpty(container);
  }

  private static void removeMatching(Map<String, Object> container, Target target) {
    List<Object> elements = target.elements(container, false);
    List<Map<String, Object>> matches = target.matching(elements);
    if (target.sub() == null) {
      elements.removeIf(element -> matches.stream().anyMatch(match -> match == element));
      return;
    }
    for (Map<String, Object> element : matches) {
      String sub = target.sub().name();
      MutabilityGuard.checkRemove(target.sub(), element.get(sub), target.path());
      element.remove(sub);
    }
  }

  @SuppressWarnings("unchecked")
  private static void removeSubAttribute(Map<String, Object> container, Target target) {
    Object value = container.get(target.attribute().name());
    List<Object> holders = value instanceof List<?> list ? (List<Object>) list : value == null ? List.of()
        : List.of(value);
    String sub = target.sub().name();
    for (Object holder : holders) {
      if (holder instanceof Map<?, ?> map) {
        MutabilityGuard.checkRemove(target.sub(), map.get(sub), target.path());
        map.remove(sub);
      }
    }
  }
}
