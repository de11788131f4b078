package io.scimbus.core.profile;

import io.scimbus.core.resource.ValueLimits;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.Uniqueness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The schemas {@code /Schemas} and {@code /ResourceTypes} show a tenant: its resource schemas narrowed to what its
 * profile accepts (attributes, sub-attributes and extensions it drops are not listed), with the profile's rules
 * stated where RFC 7643 §7 has a field for them ({@code required}, {@code canonicalValues} for allowed values,
 * {@code uniqueness}) and in the description otherwise (element filters, patterns, {@link ValueLimits}).
 * Validation keeps using the full schemas; this is what the narrowing and checks of {@link ProfileEnforcer} leave.
 */
public final class DiscoverySchemas {
  private final ResourceRules rules;
  private final List<ProfilePath> accepted;
  private final List<ProfilePath> required;
  private final Map<ProfilePath, List<String>> allowed;
  private final Map<ProfilePath, String> patterns;
  private final List<ProfilePath> unique;

  private DiscoverySchemas(ResourceSchema schema, ResourceRules rules) {
    this.rules = rules;
    this.accepted = rules.accepted().stream().map(path -> ProfilePath.parse(path, schema)).toList();
    this.required = rules.required().stream().map(path -> ProfilePath.parse(path, schema)).toList();
    this.allowed = new LinkedHashMap<>();
    rules.allowedValues().forEach((path, values) -> allowed.put(ProfilePath.parse(path, schema), values));
    this.patterns = new LinkedHashMap<>();
    rules.patterns().forEach((path, regex) -> patterns.put(ProfilePath.parse(path, schema), regex));
    this.unique = rules.unique().stream().map(path -> ProfilePath.parse(path, schema)).toList();
  }

  /** {@code schema} as a tenant with these rules sees it; extensions left without attributes are not listed. */
  public static ResourceSchema describe(ResourceSchema schema, ResourceRules rules) {
    DiscoverySchemas described = new DiscoverySchemas(schema, rules);
    Schema core = described.schema(schema.core(), true);
    List<Schema> extensions = schema.extensions().stream()
        .map(extension -> described.schema(extension, false))
        .filter(extension -> !extension.attributes().isEmpty())
        .toList();
    return new ResourceSchema(schema.name(), schema.endpoint(), core, extensions);
  }

  private Schema schema(Schema owner, boolean core) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (AttributeDefinition attribute : owner.attributes()) {
      attribute(owner, attribute, core).ifPresent(attributes::add);
    }
    return new Schema(owner.id(), owner.name(), owner.description(), attributes);
  }

  private Optional<AttributeDefinition> attribute(Schema owner, AttributeDefinition attribute, boolean core) {
    List<ProfilePath> paths = matching(accepted, owner, attribute).toList();
    // ProfileEnforcer keeps id and externalId whatever the profile says: IdPs match accounts by them.
    boolean alwaysKept = core && ("id".equals(attribute.name()) || "externalId".equals(attribute.name()));
    boolean open = rules.accepted().isEmpty() || alwaysKept;
    if (!open && paths.isEmpty()) {
      return Optional.empty();
    }
    boolean whole = open || paths.stream().anyMatch(path -> path.resolved().subAttribute() == null);
    List<AttributeDefinition> subs = new ArrayList<>();
    for (AttributeDefinition sub : attribute.subAttributes()) {
      if (whole || paths.stream().anyMatch(path -> sub.equals(path.resolved().subAttribute()))) {
        subs.add(described(owner, attribute, sub, List.of()));
      }
    }
    List<String> filters = open ? List.of() : paths.stream().filter(path -> path.elementFilter() != null)
        .map(path -> "Only elements matching " + elementFilter(path.text()) + " are kept.").distinct().toList();
    AttributeDefinition top = new AttributeDefinition(attribute.name(), attribute.type(), attribute.multiValued(),
        attribute.description(), attribute.required(), attribute.caseExact(), attribute.mutability(),
        attribute.returned(), attribute.uniqueness(), attribute.canonicalValues(), attribute.referenceTypes(), subs);
    return Optional.of(described(owner, top, null, filters));
  }

  /** {@code attribute} (or its {@code sub}) with the profile's rules on it and the limits it is held to. */
  private AttributeDefinition described(Schema owner, AttributeDefinition attribute, AttributeDefinition sub,
      List<String> notes) {
    AttributeDefinition target = sub == null ? attribute : sub;
    boolean isRequired = target.required() || required.stream().anyMatch(path -> covers(path, owner, attribute, sub));
    List<String> canonical = allowed.entrySet().stream().filter(rule -> targets(rule.getKey(), owner, attribute, sub))
        .findFirst().map(Map.Entry::getValue).orElse(target.canonicalValues());
    Uniqueness uniqueness = unique.stream().anyMatch(path -> targets(path, owner, attribute, sub))
        ? Uniqueness.SERVER : target.uniqueness();
    List<String> sentences = new ArrayList<>();
    sentences.add(target.description());
    sentences.addAll(notes);
    patterns.forEach((path, regex) -> {
      if (targets(path, owner, attribute, sub)) {
        sentences.add("Must match the regular expression " + regex + ".");
      }
    });
    sentences.add(ValueLimits.describe(target));
    String description = String.join(" ", sentences.stream().filter(Objects::nonNull)
        .filter(sentence -> !sentence.isEmpty()).toList());
    return new AttributeDefinition(target.name(), target.type(), target.multiValued(),
        description.isEmpty() ? null : description, isRequired, target.caseExact(), target.mutability(),
        target.returned(), uniqueness, canonical, target.referenceTypes(), target.subAttributes());
  }

  private static Stream<ProfilePath> matching(List<ProfilePath> paths, Schema owner, AttributeDefinition attribute) {
    return paths.stream().filter(path -> path.resolved().schema().id().equals(owner.id())
        && path.attribute().equals(attribute));
  }

  /** The path names exactly this attribute or sub-attribute. */
  private static boolean targets(ProfilePath path, Schema owner, AttributeDefinition attribute,
      AttributeDefinition sub) {
    return path.resolved().schema().id().equals(owner.id()) && path.attribute().name().equals(attribute.name())
        && Objects.equals(path.resolved().subAttribute(), sub);
  }

  /** A required path also makes the attribute holding it required: name.givenName needs a name. */
  private static boolean covers(ProfilePath path, Schema owner, AttributeDefinition attribute,
      AttributeDefinition sub) {
    return sub == null ? path.resolved().schema().id().equals(owner.id())
        && path.attribute().name().equals(attribute.name()) : targets(path, owner, attribute, sub);
  }

  private static String elementFilter(String pathText) {
    return pathText.substring(pathText.indexOf('[') + 1, pathText.lastIndexOf(']'));
  }
}
