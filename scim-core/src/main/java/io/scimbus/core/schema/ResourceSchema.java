package io.scimbus.core.schema;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.filter.AttributePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A resource type's schemas: one core schema, its extensions and the common {@code meta} attribute. Resolves
 * attribute paths case-insensitively; an unqualified name belongs to the core schema (RFC 7644 §3.10).
 */
public final class ResourceSchema {
  private static final Schema COMMON = SchemaLoader.fromClasspath("/schemas/common.json");
  private static final ResourceSchema USERS = new ResourceSchema("User", "/Users",
      SchemaLoader.fromClasspath("/schemas/user.json"),
      List.of(SchemaLoader.fromClasspath("/schemas/enterprise-user.json")));
  private static final ResourceSchema GROUPS = new ResourceSchema("Group", "/Groups",
      SchemaLoader.fromClasspath("/schemas/group.json"), List.of());

  private final String name;
  private final String endpoint;
  private final Schema core;
  private final List<Schema> extensions;

  public ResourceSchema(String name, String endpoint, Schema core, List<Schema> extensions) {
    this.name = name;
    this.endpoint = endpoint;
    this.core = core;
    this.extensions = List.copyOf(extensions);
  }

  /** Core User with the enterprise extension, as RFC 7643 defines them. */
  public static ResourceSchema users() {
    return USERS;
  }

  /** Core Group. */
  public static ResourceSchema groups() {
    return GROUPS;
  }

  public String name() {
    return name;
  }

  public String endpoint() {
    return endpoint;
  }

  public Schema core() {
    return core;
  }

  public List<Schema> extensions() {
    return extensions;
  }

  /** This resource type with more extension schemas (tenant-defined ones). */
  public ResourceSchema withExtensions(List<Schema> more) {
    List<Schema> all = new ArrayList<>(extensions);
    all.addAll(more);
    return new ResourceSchema(name, endpoint, core, all);
  }

  /** The schema with this URN (core or extension), case-insensitively. */
  public Optional<Schema> schema(String urn) {
    return core.id().equalsIgnoreCase(urn) ? Optional.of(core) : extension(urn);
  }

  /** The extension schema with this URN, case-insensitively; empty for the core schema and unknown URNs. */
  public Optional<Schema> extension(String urn) {
    return extensions.stream().filter(extension -> extension.id().equalsIgnoreCase(urn)).findFirst();
  }

  /** True when {@code owner} (as returned by {@link #resolve}) is one of the extensions, not core or common. */
  public boolean isExtension(Schema owner) {
    return extensions.stream().anyMatch(extension -> extension.id().equals(owner.id()));
  }

  /** Resolves a path; empty when the schema, attribute or sub-attribute does not exist. */
  public Optional<ResolvedAttribute> resolve(AttributePath path) {
    Optional<Schema> schema = path.schemaUrn() == null ? Optional.of(core) : schema(path.schemaUrn());
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    Schema owner = schema.get();
    Optional<AttributeDefinition> attribute = owner.attribute(path.attribute());
    if (attribute.isEmpty() && owner == core) {
      owner = COMMON;
      attribute = COMMON.attribute(path.attribute());
    }
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    if (path.subAttribute() == null) {
      return Optional.of(new ResolvedAttribute(owner, attribute.get(), null));
    }
    Schema resolvedOwner = owner;
    AttributeDefinition top = attribute.get();
    return top.subAttribute(path.subAttribute()).map(sub -> new ResolvedAttribute(resolvedOwner, top, sub));
  }

  /** All schema URNs of this resource type: core first. */
  public List<String> schemaUrns() {
    List<String> urns = new ArrayList<>();
    urns.add(core.id());
    extensions.forEach(e -> urns.add(e.id()));
    return urns;
  }

  public static boolean isCoreUrn(String urn) {
    return ScimUrns.USER.equalsIgnoreCase(urn) || ScimUrns.GROUP.equalsIgnoreCase(urn);
  }
}
