package io.scimbus.sql;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.filter.AttributePath;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResolvedAttribute;
import io.scimbus.core.schema.ResourceSchema;
import java.util.List;
import java.util.function.Function;

/** Resolves attribute paths against the schema and finds where {@link ResourceTable} stores them. */
final class Locator {
  private final ResourceSchema schema;
  private final ResourceTable table;

  Locator(ResourceSchema schema, ResourceTable table) {
    this.schema = schema;
    this.table = table;
  }

  /** The resolved path; {@code error} makes the exception for a path the schema does not know. */
  ResolvedAttribute resolve(AttributePath path, Function<String, ScimException> error) {
    return schema.resolve(path).orElseThrow(() -> error.apply("unknown attribute " + path));
  }

  Location locate(AttributePath path, ResolvedAttribute resolved, Function<String, ScimException> error) {
    AttributeDefinition attribute = resolved.attribute();
    AttributeDefinition sub = resolved.subAttribute();
    String attributeKey = extensionPrefix(resolved) + attribute.name();
    Column column = table.columns().get(sub == null ? attributeKey : attributeKey + "." + sub.name());
    if (column != null) {
      return new Location.InColumn(column);
    }
    ChildTable child = table.children().get(attributeKey);
    if (child != null) {
      return new Location.InChild(new ChildRowScope(child, attribute), attribute, sub);
    }
    if (table.unfilterable().contains(attributeKey)) {
      throw error.apply(path + " cannot be used here");
    }
    String container = extensionPrefix(resolved).isEmpty()
        ? table.documentSql()
        : table.documentSql() + "->" + SqlText.literal(resolved.schema().id());
    return new Location.InDocument(container, sub == null ? List.of(attribute) : List.of(attribute, sub));
  }

  /** Extension attributes are keyed, and stored, under their schema URN; core and common ones are not. */
  private String extensionPrefix(ResolvedAttribute resolved) {
    return schema.extensions().contains(resolved.schema()) ? resolved.schema().id() + ":" : "";
  }
}
