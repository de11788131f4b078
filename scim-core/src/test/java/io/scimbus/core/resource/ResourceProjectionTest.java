package io.scimbus.core.resource;

import static io.scimbus.core.patch.Json.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.scimbus.core.schema.ResourceSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceProjectionTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private final ResourceProjection projection = new ResourceProjection(ResourceSchema.users());

  private static Map<String, Object> user() {
    return map("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENTERPRISE + "'],'id':'u1',"
        + "'userName':'b','password':'secret','name':{'givenName':'B','familyName':'J'},"
        + "'emails':[{'value':'a@x.com','type':'work'},{'value':'h@x.com','type':'home'}],"
        + "'meta':{'resourceType':'User'},'" + ENTERPRISE + "':{'department':'R','costCenter':'9'}}");
  }

  /** Top-level keys kept, as a sorted comma list, for table-driven checks. */
  private static String keys(Map<String, Object> projected) {
    return String.join(",", projected.keySet().stream().sorted().toList());
  }

  @ParameterizedTest(name = "attributes={0} excluded={1}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "-                      | -              | emails,id,meta,name,schemas,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,userName",
      "userName               | -              | id,schemas,userName",
      "USERNAME,password      | -              | id,schemas,userName",
      "name.givenName         | -              | id,name,schemas",
      "" + ENTERPRISE + ":department | -       | id,schemas,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "" + ENTERPRISE + "     | -              | id,schemas,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
      "-                      | emails,meta,id | id,name,schemas,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,userName",
      "-                      | " + ENTERPRISE + " | emails,id,meta,name,schemas,userName",
      "userName               | emails         | id,schemas,userName",
      "nope                   | -              | id,schemas",
  })
  void topLevelSelection(String attributes, String excluded, String expectedKeys) {
    assertEquals(expectedKeys, keys(projection.project(user(), attributes, excluded)));
  }

  @Test
  void subAttributeSelectionKeepsOnlyNamedSubAttributes() {
    Map<String, Object> out = projection.project(user(), "emails.value," + ENTERPRISE + ":department", null);
    assertEquals(List.of(Map.of("value", "a@x.com"), Map.of("value", "h@x.com")), out.get("emails"));
    assertEquals(Map.of("department", "R"), out.get(ENTERPRISE));
  }

  @Test
  void subAttributeExclusionDropsOnlyThatSubAttribute() {
    Map<String, Object> out = projection.project(user(), null, "name.familyName, emails.type");
    assertEquals(Map.of("givenName", "B"), out.get("name"));
    assertEquals(List.of(Map.of("value", "a@x.com"), Map.of("value", "h@x.com")), out.get("emails"));
  }

  @Test
  void resultIsACopy() {
    Map<String, Object> input = user();
    Map<String, Object> out = projection.project(input, null, null);
    assertNotSame(input.get("name"), out.get("name"));
    assertEquals(input.get("name"), out.get("name"));
  }
}
