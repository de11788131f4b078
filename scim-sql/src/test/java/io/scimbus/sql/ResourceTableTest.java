package io.scimbus.sql;

import static io.scimbus.sql.Filters.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.ResourceSchema;
import org.junit.jupiter.api.Test;

/** Columns must compare as the schema says, or SQL and the in-memory evaluator would disagree. */
class ResourceTableTest {

  @Test
  void userColumnsAgreeWithTheSchema() {
    assertAgree(ResourceSchema.users(), ResourceTable.users());
  }

  @Test
  void groupColumnsAgreeWithTheSchema() {
    assertAgree(ResourceSchema.groups(), ResourceTable.groups());
  }

  private static void assertAgree(ResourceSchema schema, ResourceTable table) {
    table.columns().forEach((key, column) -> assertAgree(key, target(schema, key), column));
    table.children().forEach((key, child) -> {
      AttributeDefinition attribute = target(schema, key);
      assertEquals(true, attribute.multiValued(), key);
      child.columns().forEach((sub, column) -> assertAgree(key + "." + sub,
          attribute.subAttribute(sub).orElseThrow(), column));
    });
  }

  private static AttributeDefinition target(ResourceSchema schema, String key) {
    return schema.resolve(path(key)).orElseThrow(() -> new AssertionError(key + " is not in the schema")).target();
  }

  private static void assertAgree(String key, AttributeDefinition attribute, Column column) {
    // Lookups use the schema's spelling, so a key spelled otherwise would silently never match.
    assertEquals(attribute.name(), key.replaceAll(".*[.:]", ""), key + " spelling");
    assertEquals(attribute.type(), column.type(), key + " type");
    if (attribute.type().isText()) {
      assertEquals(attribute.caseExact(), column.caseExact(), key + " caseExact");
    }
  }
}
