package io.scimbus.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One attribute of a schema, as RFC 7643 §7 describes it. Sub-attributes are empty unless the type is complex. */
public record AttributeDefinition(
    String name,
    AttributeType type,
    boolean multiValued,
    String description,
    boolean required,
    boolean caseExact,
    Mutability mutability,
    Returned returned,
    Uniqueness uniqueness,
    List<String> canonicalValues,
    List<String> referenceTypes,
    List<AttributeDefinition> subAttributes) {

  public AttributeDefinition {
    canonicalValues = List.copyOf(canonicalValues);
    referenceTypes = List.copyOf(referenceTypes);
    subAttributes = List.copyOf(subAttributes);
  }

  /** Sub-attribute by name, case-insensitively (RFC 7643 §2.1). */
  public Optional<AttributeDefinition> subAttribute(String subName) {
    for (AttributeDefinition sub : subAttributes) {
      if (sub.name.equalsIgnoreCase(subName)) {
        return Optional.of(sub);
      }
    }
    return Optional.empty();
  }

  /** The RFC 7643 §8.7.1 representation served by {@code /Schemas}. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", name);
    map.put("type", type.wireName());
    map.put("multiValued", multiValued);
    if (description != null) {
      map.put("description", description);
    }
    map.put("required", required);
    if (type.isText()) {
      map.put("caseExact", caseExact);
    }
    if (!canonicalValues.isEmpty()) {
      map.put("canonicalValues", new ArrayList<>(canonicalValues));
    }
    if (!referenceTypes.isEmpty()) {
      map.put("referenceTypes", new ArrayList<>(referenceTypes));
    }
    map.put("mutability", mutability.wireName());
    map.put("returned", returned.wireName());
    map.put("uniqueness", uniqueness.wireName());
    if (!subAttributes.isEmpty()) {
      List<Object> subs = new ArrayList<>();
      for (AttributeDefinition sub : subAttributes) {
        subs.add(sub.toMap());
      }
      map.put("subAttributes", subs);
    }
    return map;
  }
}
