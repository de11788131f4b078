package io.scimbus.core.schema;

/**
 * An attribute path resolved against a resource's schemas: the schema it belongs to, the top-level attribute and,
 * when the path names one, the sub-attribute. Names here carry the schema's canonical spelling.
 */
public record ResolvedAttribute(Schema schema, AttributeDefinition attribute, AttributeDefinition subAttribute) {

  /** The attribute the path finally designates: the sub-attribute when there is one. */
  public AttributeDefinition target() {
    return subAttribute != null ? subAttribute : attribute;
  }

  public boolean inExtension(ResourceSchema resource) {
    return !schema.id().equals(resource.core().id());
  }
}
