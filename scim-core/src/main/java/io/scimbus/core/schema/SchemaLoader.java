package io.scimbus.core.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads schemas written in the RFC 7643 §8.7.1 representation (the same JSON that {@code /Schemas} serves). */
public final class SchemaLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaLoader() {
  }

  public static Schema fromClasspath(String resource) {
    try (InputStream in = SchemaLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + resource);
      }
      return fromMap(MAPPER.readValue(in, new TypeReference<Map<String, Object>>() { }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Schema fromMap(Map<String, Object> json) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (Object attr : (List<Object>) json.getOrDefault("attributes", List.of())) {
      attributes.add(attribute((Map<String, Object>) attr));
    }
    return new Schema((String) json.get("id"), (String) json.get("name"), (String) json.get("description"),
        attributes);
  }

  @SuppressWarnings("unchecked")
  public static AttributeDefinition attribute(Map<String, Object> json) {
    List<AttributeDefinition> subs = new ArrayList<>();
    for (Object sub : (List<Object>) json.getOrDefault("subAttributes", List.of())) {
      subs.add(attribute((Map<String, Object>) sub));
    }
    return new AttributeDefinition(
        (String) json.get("name"),
        AttributeType.fromWire((String) json.getOrDefault("type", "string")),
        Boolean.TRUE.equals(json.get("multiValued")),
        (String) json.get("description"),
        Boolean.TRUE.equals(json.get("required")),
        Boolean.TRUE.equals(json.get("caseExact")),
        Mutability.fromWire((String) json.getOrDefault("mutability", "readWrite")),
        Returned.fromWire((String) json.getOrDefault("returned", "default")),
        Uniqueness.fromWire((String) json.getOrDefault("uniqueness", "none")),
        (List<String>) json.getOrDefault("canonicalValues", List.of()),
        (List<String>) json.getOrDefault("referenceTypes", List.of()),
        subs);
  }
}
