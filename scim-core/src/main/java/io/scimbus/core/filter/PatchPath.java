package io.scimbus.core.filter;

import java.util.Objects;

/**
 * A PATCH operation's target (RFC 7644 §3.5.2): {@code attribute}, optionally narrowed to the elements matching
 * {@code valueFilter}, optionally followed by {@code .subAttribute} of those elements; or, when
 * {@link #isSchemaOnly()}, a bare extension schema URN designating the whole extension object.
 *
 * <ul>
 *   <li>{@code name.givenName}: attribute {@code name.givenName}, no filter, no subAttribute</li>
 *   <li>{@code emails[type eq "work"].value}: attribute {@code emails}, filter {@code type eq "work"},
 *       subAttribute {@code value}</li>
 *   <li>{@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}: schemaOnlyUrn set, attribute null</li>
 * </ul>
 *
 * @param attribute the attribute, with its schema URN and sub-attribute when written; null only when schema-only
 * @param valueFilter the filter inside {@code [...]}, whose paths name sub-attributes; nullable
 * @param subAttribute the {@code .sub} after {@code [...]}; nullable, only present with a valueFilter
 * @param schemaOnlyUrn the schema URN when the path is nothing but a URN; null otherwise
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute, String schemaOnlyUrn) {

  public PatchPath {
    if ((attribute == null) == (schemaOnlyUrn == null)) {
      throw new IllegalArgumentException("a PATCH path is either an attribute path or a bare schema URN");
    }
    if (subAttribute != null && valueFilter == null) {
      throw new IllegalArgumentException("a sub-attribute after a value filter needs the value filter");
    }
    if (valueFilter != null && attribute.subAttribute() != null) {
      throw new IllegalArgumentException("a value filter applies to a top-level attribute");
    }
  }

  public PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {
    this(Objects.requireNonNull(attribute, "attribute"), valueFilter, subAttribute, null);
  }

  public static PatchPath of(AttributePath attribute) {
    return new PatchPath(attribute, null, null);
  }

  public static PatchPath schemaOnly(String urn) {
    return new PatchPath(null, null, null, Objects.requireNonNull(urn, "urn"));
  }

  /** True when the path is a bare schema URN: the operation targets the whole extension object. */
  public boolean isSchemaOnly() {
    return schemaOnlyUrn != null;
  }
}
