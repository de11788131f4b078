package io.scimbus.sql;

import io.scimbus.core.schema.AttributeDefinition;
import java.util.List;

/** Where the value of one resolved attribute path is stored. */
sealed interface Location {

  /** A column of {@code t}. */
  record InColumn(Column column) implements Location {
  }

  /** Rows of a child table; {@code subAttribute} is null when the path names the whole attribute. */
  record InChild(ChildRowScope rows, AttributeDefinition attribute, AttributeDefinition subAttribute)
      implements Location {
  }

  /** The jsonb value {@code steps} (attribute, then maybe sub-attribute) reach from the object {@code container}. */
  record InDocument(String container, List<AttributeDefinition> steps) implements Location {
  }
}
