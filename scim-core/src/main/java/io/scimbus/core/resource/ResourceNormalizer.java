package io.scimbus.core.resource;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a client's resource body into the canonical stored form of a resource type: schema spelling of every name,
 * extension objects under their canonical URN, values of the schema's type, no readOnly attributes.
 *
 * <p>Unknown attributes and unknown extension URNs are dropped rather than rejected: IdPs send whatever their
 * mapping holds (Entra adds its own extension URNs, Okta sends {@code display} everywhere) and a 400 would stop
 * the whole provisioning cycle for a field we could never store. RFC 7644 §3.3 asks to ignore readOnly values,
 * so those go too.
 */
public final class ResourceNormalizer {
  private static final String SCHEMAS = "schemas";

  private final ResourceSchema schema;

  public ResourceNormalizer(ResourceSchema schema) {
    this.schema = schema;
  }

  /** The canonical form of a POST or PUT body; the input is not modified. */
  public Map<String, Object> normalize(Map<String, Object> body) {
    Map<String, Object> result = new LinkedHashMap<>();
    List<Object> schemas = new ArrayList<>();
    schemas.add(schema.core().id());
    result.put(SCHEMAS, schemas);
    Map<String, Object> core = normalizeAttributes(schema.core(), body, "");
    result.putAll(core);
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      Optional<Schema> extension = schema.extension(entry.getKey());
      if (extension.isEmpty()) {
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> extensionBody)) {
        throw ScimException.invalidValue(extension.get().id() + " must be an object, got " + shape(entry.getValue()));
      }
      Map<String, Object> normalized = normalizeAttributes(extension.get(), cast(extensionBody),
          extension.get().id() + ":");
      if (!normalized.isEmpty()) {
        result.put(extension.get().id(), normalized);
        schemas.add(extension.get().id());
      }
    }
    checkSchemas(body.get(SCHEMAS));
    checkRequired(result);
    return result;
  }

  /**
   * The canonical value of a whole attribute: a list for a multi-valued one, a map or scalar otherwise. Null when
   * the value is null or empty. An array where one value is expected, or one value where an array is, is refused:
   * guessing what the client meant would store something it did not send.
   */
  public Object normalizeAttribute(AttributeDefinition attribute, Object value, String path) {
    if (value == null) {
      return null;
    }
    if (attribute.multiValued()) {
      if (!(value instanceof List<?> list)) {
        throw ScimException.invalidValue(path + " is multi-valued and needs an array, got " + shape(value));
      }
      ValueLimits.checkCount(attribute, list.size(), path);
      List<Object> elements = new ArrayList<>();
      for (Object item : list) {
        Object element = normalizeSingle(attribute, item, path);
        if (element != null) {
          elements.add(element);
        }
      }
      checkSinglePrimary(elements, path);
      return elements.isEmpty() ? null : elements;
    }
    if (value instanceof List<?>) {
      throw ScimException.invalidValue(path + " is single-valued and needs one value, got an array");
    }
    return normalizeSingle(attribute, value, path);
  }

  /** One value of {@code attribute} (one element when multi-valued); readOnly sub-attributes are dropped. */
  public Object normalizeSingle(AttributeDefinition attribute, Object value, String path) {
    if (value == null) {
      return null;
    }
    if (attribute.type() != AttributeType.COMPLEX) {
      return ValueCoercer.coerce(attribute, value, path);
    }
    if (PlainStringManager.appliesTo(attribute, value)) {
      return normalizeSingle(attribute, PlainStringManager.asComplex((String) value), path);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ScimException.invalidValue(path + " must be an object, got " + shape(value));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : cast(map).entrySet()) {
      Optional<AttributeDefinition> sub = attribute.subAttribute(entry.getKey());
      if (sub.isEmpty() || sub.get().mutability() == Mutability.READ_ONLY) {
        continue;
      }
      Object coerced = normalizeAttribute(sub.get(), entry.getValue(), path + "." + sub.get().name());
      if (coerced != null) {
        result.put(sub.get().name(), coerced);
      }
    }
    return result.isEmpty() ? null : result;
  }

  /** RFC 7643 §2.4: the primary value true appears no more than once in a multi-valued attribute. */
  public static void checkSinglePrimary(List<Object> elements, String path) {
    long primaries = elements.stream()
        .filter(e -> e instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("primary")))
        .count();
    if (primaries > 1) {
      throw ScimException.invalidValue(path + " has more than one primary value");
    }
  }

  /** Throws invalidValue naming the first required attribute missing from a canonical resource. */
  public void checkRequired(Map<String, Object> canonical) {
    checkRequired(schema.core(), canonical, "");
    for (Schema extension : schema.extensions()) {
      Object body = canonical.get(extension.id());
      checkRequired(extension, body instanceof Map<?, ?> m ? cast(m) : Map.of(), extension.id() + ":");
    }
  }

  private void checkRequired(Schema owner, Map<String, Object> body, String prefix) {
    for (AttributeDefinition attribute : owner.attributes()) {
      // readOnly required attributes (none in RFC 7643, but tenants define schemas) are the server's to fill.
      if (attribute.required() && attribute.mutability() != Mutability.READ_ONLY
          && isEmpty(body.get(attribute.name()))) {
        throw ScimException.invalidValue(prefix + attribute.name() + " is required");
      }
    }
  }

  private Map<String, Object> normalizeAttributes(Schema owner, Map<String, Object> body, String prefix) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : body.entrySet()) {
      Optional<AttributeDefinition> attribute = owner.attribute(entry.getKey());
      if (attribute.isEmpty() || attribute.get().mutability() == Mutability.READ_ONLY) {
        continue;
      }
      AttributeDefinition definition = attribute.get();
      Object value = normalizeAttribute(definition, entry.getValue(), prefix + definition.name());
      if (value != null) {
        result.put(definition.name(), value);
      }
    }
    return result;
  }

  // Lenient: a body without the core URN is still unambiguous (the endpoint says what it is), so the canonical
  // form simply lists it; a value that is not a list of strings, however, is a malformed request.
  private static void checkSchemas(Object schemas) {
    if (schemas == null) {
      return;
    }
    if (!(schemas instanceof List<?> list) || list.stream().anyMatch(s -> !(s instanceof String))) {
      throw ScimException.invalidValue("schemas must be an array of URN strings");
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof String s && s.isBlank()
        || value instanceof List<?> l && l.isEmpty();
  }

  private static String shape(Object value) {
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
