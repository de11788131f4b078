package io.scimbus.core.patch;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.ResourceNormalizer;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Add or replace of a single-valued attribute or of one sub-attribute of a single-valued complex one. Complex values
 * merge sub-attribute by sub-attribute, leaving unnamed ones alone (RFC 7644 §3.5.2.1 and §3.5.2.3).
 */
final class SingleValueWrite {
  private final ResourceNormalizer normalizer;

  SingleValueWrite(ResourceNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  void apply(Map<String, Object> resource, Target target, Object value) {
    AttributeDefinition attribute = target.attribute();
    if (attribute.multiValued()) {
      throw ScimException.invalidPath(target.path() + " names a sub-attribute of every " + attribute.name()
          + " element; select elements with a filter such as " + attribute.name() + "[type eq \"work\"]");
    }
    Map<String, Object> container = target.container(resource, true);
    if (target.sub() != null) {
      Map<String, Object> complex = complex(container, attribute);
      Object normalized = normalizer.normalizeAttribute(target.sub(), value, target.path());
      MutabilityGuard.checkWrite(target.sub(), complex.get(target.sub().name()), normalized, target.path());
      ValuePathWrite.putOrRemove(complex, target.sub().name(), normalized);
    } else if (attribute.type() == AttributeType.COMPLEX) {
      merge(container, target, value);
    } else {
      Object normalized = normalizer.normalizeAttribute(attribute, value, target.path());
      MutabilityGuard.checkWrite(attribute, container.get(attribute.name()), normalized, target.path());
      ValuePathWrite.putOrRemove(container, attribute.name(), normalized);
    }
    target.pruneEmpty(container);
  }

  @SuppressWarnings("unchecked")
  private void merge(Map<String, Object> container, Target target, Object value) {
    AttributeDefinition attribute = target.attribute();
    if (attribute.mutability() == Mutability.READ_ONLY) {
      MutabilityGuard.checkWrite(attribute, container.get(attribute.name()), value, target.path());
      return;
    }
    Object normalized = normalizer.normalizeAttribute(attribute, value, target.path());
    if (normalized == null) {
      container.remove(attribute.name());
      return;
    }
    Map<String, Object> complex = complex(container, attribute);
    for (Map.Entry<String, Object> entry : ((Map<String, Object>) normalized).entrySet()) {
      AttributeDefinition sub = attribute.subAttribute(entry.getKey()).orElseThrow();
      MutabilityGuard.checkWrite(sub, complex.get(sub.name()), entry.getValue(), target.path() + "." + sub.name());
      complex.put(sub.name(), entry.getValue());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> complex(Map<String, Object> container, AttributeDefinition attribute) {
    Object existing = container.get(attribute.name());
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    container.put(attribute.name(), created);
    return created;
  }
}
