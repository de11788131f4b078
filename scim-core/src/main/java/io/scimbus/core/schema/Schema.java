package io.scimbus.core.schema;

import io.scimbus.core.ScimUrns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A schema (core or extension) identified by its URN. */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes) {

  public Schema {
    attributes = List.copyOf(attributes);
  }

  /** Top-level attribute by name, case-insensitively. */
  public Optional<AttributeDefinition> attribute(String attributeName) {
    for (AttributeDefinition attribute : attributes) {
      if (attribute.name().equalsIgnoreCase(attributeName)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("schemas", new ArrayList<>(List.of(ScimUrns.SCHEMA)));
    map.put("id", id);
    map.put("name", name);
    if (description != null) {
      map.put("description", description);
    }
    List<Object> attrs = new ArrayList<>();
    for (AttributeDefinition attribute : attributes) {
      attrs.add(attribute.toMap());
    }
    map.put("attributes", attrs);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("resourceType", "Schema");
    meta.put("location", "/Schemas/" + id);
    map.put("meta", meta);
    return map;
  }
}
