package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.resource.ValueLimits;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** RFC 7644 §3.5.2.1: appends to multi-valued attributes, sets everything else. */
final class AddOperation implements OperationHandler {
  private final ResourceNormalizer normalizer;
  private final ValuePathWrite valuePathWrite;
  private final SingleValueWrite singleValueWrite;

  AddOperation(ResourceNormalizer normalizer) {
    this.normalizer = normalizer;
    this.valuePathWrite = new ValuePathWrite(normalizer);
    this.singleValueWrite = new SingleValueWrite(normalizer);
  }

  @Override
  public void apply(Map<String, Object> resource, Target target, Object value) {
    if (target.filter() != null) {
      valuePathWrite.apply(resource, target, value, false);
    } else if (target.attribute().multiValued() && target.sub() == null) {
      append(resource, target, value);
    } else {
      singleValueWrite.apply(resource, target, value);
    }
  }

  @SuppressWarnings("unchecked")
  private void append(Map<String, Object> resource, Target target, Object value) {
    Object normalized = normalizer.normalizeAttribute(target.attribute(), value, target.path());
    if (normalized == null) {
      throw ScimException.invalidValue("add to " + target.path() + " needs at least one value");
    }
    Map<String, Object> container = target.container(resource, true);
    List<Object> elements = target.elements(container, true);
    Set<Object> primaries = Primaries.snapshot(elements);
    for (Object added : (List<Object>) normalized) {
      if (elements.stream().noneMatch(existing -> sameElement(target, existing, added))) {
        elements.add(added);
      }
    }
    ValueLimits.checkCount(target.attribute(), elements.size(), target.path());
    Primaries.enforce(elements, primaries, target.path());
  }

  // A member is who it points to; Okta and Entra re-send members with or without display/type.
  private static boolean sameElement(Target target, Object existing, Object added) {
    if ("members".equals(target.attribute().name()) && existing instanceof Map<?, ?> e
        && added instanceof Map<?, ?> a) {
      return Objects.equals(e.get("value"), a.get("value"));
    }
    return existing.equals(added);
  }
}
