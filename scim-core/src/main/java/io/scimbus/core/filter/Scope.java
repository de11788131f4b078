package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.resource.Values;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResolvedAttribute;
import io.scimbus.core.schema.ResourceSchema;
import java.util.Map;
import java.util.function.Function;

/** What attribute paths mean where a filter is evaluated: against a whole resource, or inside a value filter. */
sealed interface Scope {

  /** Resolves a path or throws invalidFilter naming what does not exist. */
  Operand locate(AttributePath path);

  /** True inside {@code attr[...]}, where value filters may not nest. */
  boolean insideValueFilter();

  /** Paths of a resource: core and common attributes at the top level, extension attributes under their URN. */
  record Resource(ResourceSchema schema) implements Scope {

    @Override
    public Operand locate(AttributePath path) {
      ResolvedAttribute resolved = schema.resolve(path).orElseThrow(() -> unknown(path));
      Function<Map<String, Object>, Object> container = schema.isExtension(resolved.schema())
          ? root -> Values.get(root, resolved.schema().id())
          : root -> root;
      return new Operand(path.toString(), resolved.attribute(), resolved.subAttribute(), container);
    }

    @Override
    public boolean insideValueFilter() {
      return false;
    }

    private ScimException unknown(AttributePath path) {
      if (path.schemaUrn() != null && schema.schema(path.schemaUrn()).isEmpty()) {
        return ScimException.invalidFilter("unknown schema \"" + path.schemaUrn() + "\" in attribute path \"" + path
            + "\"; " + schema.name() + " resources have " + String.join(", ", schema.schemaUrns()));
      }
      if (path.subAttribute() != null && schema.resolve(path.withoutSubAttribute()).isPresent()) {
        return ScimException.invalidFilter("unknown sub-attribute \"" + path.subAttribute() + "\" of \""
            + path.withoutSubAttribute() + "\"");
      }
      return ScimException.invalidFilter("unknown attribute \"" + path + "\" for " + schema.name() + " resources");
    }
  }

  /** Paths inside {@code owner[...]}: plain names of the owner's sub-attributes, looked up in each element. */
  record Element(AttributeDefinition owner, String ownerLabel) implements Scope {

    @Override
    public Operand locate(AttributePath path) {
      if (path.schemaUrn() != null || path.subAttribute() != null) {
        throw ScimException.invalidFilter("inside the value filter of \"" + ownerLabel + "\", \"" + path
            + "\" must be the plain name of one of its sub-attributes");
      }
      AttributeDefinition sub = owner.subAttribute(path.attribute()).orElseThrow(() -> ScimException.invalidFilter(
          "unknown sub-attribute \"" + path.attribute() + "\" of \"" + ownerLabel + "\""));
      return new Operand(ownerLabel + "." + path.attribute(), sub, null, element -> element);
    }

    @Override
    public boolean insideValueFilter() {
      return true;
    }
  }
}
