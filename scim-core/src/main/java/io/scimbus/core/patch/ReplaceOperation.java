package io.scimbus.core.patch;

import io.scimbus.core.resource.ResourceNormalizer;
import java.util.Map;

/** RFC 7644 §3.5.2.3: a multi-valued attribute without a filter is replaced as a whole list. */
final class ReplaceOperation implements OperationHandler {
  private final ResourceNormalizer normalizer;
  private final ValuePathWrite valuePathWrite;
  private final SingleValueWrite singleValueWrite;

  ReplaceOperation(ResourceNormalizer normalizer) {
    this.normalizer = normalizer;
    this.valuePathWrite = new ValuePathWrite(normalizer);
    this.singleValueWrite = new SingleValueWrite(normalizer);
  }

  @Override
  public void apply(Map<String, Object> resource, Target target, Object value) {
    if (target.filter() != null) {
      valuePathWrite.apply(resource, target, value, true);
    } else if (target.attribute().multiValued() && target.sub() == null) {
      Map<String, Object> container = target.container(resource, true);
      Object normalized = normalizer.normalizeAttribute(target.attribute(), value, target.path());
      MutabilityGuard.checkWrite(target.attribute(), container.get(target.attribute().name()), normalized,
          target.path());
      ValuePathWrite.putOrRemove(container, target.attribute().name(), normalized);
    } else {
      singleValueWrite.apply(resource, target, value);
    }
  }
}
