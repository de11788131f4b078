package io.scimbus.core.resource;

import static io.scimbus.core.patch.Json.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.error.ScimException;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Returned;
import io.scimbus.core.schema.Uniqueness;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceNormalizerTest {
  private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private final ResourceNormalizer users = new ResourceNormalizer(ResourceSchema.users());
  private final ResourceNormalizer groups = new ResourceNormalizer(ResourceSchema.groups());

  @Test
  void canonicalisesNamesAndExtensionUrn() {
    Map<String, Object> out = users.normalize(map("{'USERNAME':'b','Emails':[{'Value':'a@x.com','TYPE':'work'}],"
        + "'" + ENTERPRISE.toUpperCase() + "':{'EMPLOYEENUMBER':'7'}}"));
    assertEquals(Map.of("schemas", List.of(CORE, ENTERPRISE), "userName", "b",
        "emails", List.of(Map.of("value", "a@x.com", "type", "work")),
        ENTERPRISE, Map.of("employeeNumber", "7")), out);
  }

  @Test
  void dropsReadOnlyUnknownAttributesAndUnknownExtensions() {
    Map<String, Object> out = users.normalize(map("{'userName':'b','id':'client-id','meta':{'version':'1'},"
        + "'groups':[{'value':'g'}],'favouriteColour':'red','urn:example:custom:1.0:User':{'x':1},"
        + "'" + ENTERPRISE + "':{'manager':{'value':'m','displayName':'Boss'}}}"));
    assertEquals(Map.of("schemas", List.of(CORE, ENTERPRISE), "userName", "b",
        ENTERPRISE, Map.of("manager", Map.of("value", "m"))), out);
  }

  @Test
  void dropsReadOnlyMemberDisplay() {
    Map<String, Object> out = groups.normalize(map("{'displayName':'g','members':[{'value':'u','display':'U'}]}"));
    assertEquals(List.of(Map.of("value", "u")), out.get("members"));
  }

  @Test
  void coercesStringBooleans() {
    Map<String, Object> out = users.normalize(map("{'userName':'b','active':'True',"
        + "'emails':[{'value':'a@x.com','primary':'False'}]}"));
    assertEquals(true, out.get("active"));
    assertEquals(List.of(Map.of("value", "a@x.com", "primary", false)), out.get("emails"));
  }

  @Test
  void entraManagerAsPlainStringIsItsValue() {
    Map<String, Object> out = users.normalize(map("{'userName':'b','" + ENTERPRISE + "':{'manager':'123456'}}"));
    assertEquals(Map.of("manager", Map.of("value", "123456")), out.get(ENTERPRISE));
    Map<String, Object> none = users.normalize(map("{'userName':'b','" + ENTERPRISE + "':{'manager':''}}"));
    assertFalse(none.containsKey(ENTERPRISE));
  }

  @Test
  void addsMissingCoreSchema() {
    assertEquals(List.of(CORE), users.normalize(map("{'userName':'b'}")).get("schemas"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'displayName':'x'}                                                     | userName is required",
      "{'userName':'b','active':'maybe'}                                       | active must be a boolean, got \"maybe\"",
      "{'userName':['a','b']}                                                  | userName is single-valued and needs one value, got an array",
      "{'userName':'b','emails':[{'value':'a','primary':true},{'value':'b','primary':'True'}]} | emails has more than one primary value",
      "{'userName':'b','name':'Barbara'}                                       | name must be an object, got a string",
      "{'userName':'b','emails':[{'value':{'nested':1}}]}                      | emails.value must be a string, got an object",
      "{'userName':'b','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':'x'} | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User must be an object, got a string",
      "{'userName':'b','schemas':'urn:ietf:params:scim:schemas:core:2.0:User'} | schemas must be an array of URN strings",
  })
  void invalidBodies(String body, String detail) {
    ScimException e = assertThrows(ScimException.class, () -> users.normalize(map(body)));
    assertEquals(400, e.status());
    assertEquals("invalidValue", e.scimType());
    assertEquals(detail, e.detail());
  }

  @Test
  void groupDisplayNameIsRequired() {
    ScimException e = assertThrows(ScimException.class, () -> groups.normalize(map("{'members':[]}")));
    assertEquals("displayName is required", e.detail());
  }

  private static AttributeDefinition simple(AttributeType type) {
    return new AttributeDefinition("n", type, false, null, false, false, Mutability.READ_WRITE, Returned.DEFAULT,
        Uniqueness.NONE, List.of(), List.of(), List.of());
  }

  @Test
  void coercerHandlesNumericTypes() {
    AttributeDefinition integer = simple(AttributeType.INTEGER);
    AttributeDefinition decimal = simple(AttributeType.DECIMAL);
    assertEquals(12, ValueCoercer.coerce(integer, 12, "n"));
    assertEquals(12_000_000_000L, ValueCoercer.coerce(integer, 12_000_000_000L, "n"));
    assertEquals(new BigDecimal("1.5"), ValueCoercer.coerce(decimal, new BigDecimal("1.5"), "n"));
    assertEquals("invalidValue",
        assertThrows(ScimException.class, () -> ValueCoercer.coerce(integer, 1.5, "n")).scimType());
    assertFalse(ValueCoercer.coerce(integer, 7L, "n") instanceof String);
  }
}
