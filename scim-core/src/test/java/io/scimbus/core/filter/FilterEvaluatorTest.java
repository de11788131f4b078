package io.scimbus.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimbus.core.error.ScimException;
import io.scimbus.core.error.ScimType;
import io.scimbus.core.schema.AttributeDefinition;
import io.scimbus.core.schema.AttributeType;
import io.scimbus.core.schema.Mutability;
import io.scimbus.core.schema.ResourceSchema;
import io.scimbus.core.schema.Returned;
import io.scimbus.core.schema.Schema;
import io.scimbus.core.schema.Uniqueness;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterEvaluatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String TENANT = "urn:example:scim:tenant:2.0:User";

  /** Users plus a tenant extension, because the standard schemas have no integer, decimal or multi-valued string. */
  private static final ResourceSchema USERS = ResourceSchema.users().withExtensions(List.of(new Schema(TENANT,
      "Tenant", null, List.of(
          simple("level", AttributeType.INTEGER, false),
          simple("score", AttributeType.DECIMAL, false),
          simple("tags", AttributeType.STRING, true),
          simple("hired", AttributeType.DATE_TIME, false)))));

  private static final FilterEvaluator EVALUATOR = new FilterEvaluator(USERS);

  private static final Map<String, Object> BJENSEN = json("""
      {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
        "id": "2819c223-7f76-453a-919d-413861904646",
        "externalId": "Ext-ABC",
        "userName": "BJensen@Example.com",
        "name": {"familyName": "Jensen", "givenName": "Barbara"},
        "title": "",
        "active": true,
        "emails": [
          {"value": "bjensen@example.com", "type": "work", "primary": true},
          {"value": "babs@jensen.org", "type": "home"}
        ],
        "phoneNumbers": [],
        "roles": [{"value": "admin", "primary": "True"}],
        "meta": {"created": "2020-01-01T00:00:00Z", "lastModified": "2024-05-13T04:42:34Z"},
        "%s": {"employeeNumber": "701984", "manager": {"value": "26118915", "displayName": "John Smith"}},
        "%s": {"level": 7, "score": 4.50, "tags": ["Blue", "green"], "hired": "2019-03-01T09:00:00+01:00"}
      }
      """.formatted(ENTERPRISE, ENTERPRISE, TENANT));

  /** Shaped like an Entra ID provisioned user: booleans as strings, keys in unusual case, a null attribute. */
  private static final Map<String, Object> ENTRA = json("""
      {
        "UserName": "test@contoso.com",
        "externalId": "ext-abc",
        "active": "False",
        "nickName": null,
        "Emails": [{"Value": "Test@Contoso.com", "Type": "work", "primary": "True"}],
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user": {"Manager": {"Value": "m-1"}}
      }
      """);

  static Stream<Arguments> userFilters() {
    return Stream.of(
        // case-insensitive userName, caseExact externalId
        arguments("userName eq \"bjensen@example.com\"", true, false),
        arguments("USERNAME eq \"BJENSEN@EXAMPLE.COM\"", true, false),
        arguments("userName eq \"TEST@contoso.com\"", false, true),
        arguments("externalId eq \"Ext-ABC\"", true, false),
        arguments("externalId eq \"ext-abc\"", false, true),
        arguments("externalId sw \"Ext\"", true, false),
        arguments("externalId co \"t-A\"", true, false),
        arguments("userName sw \"bjensen@\"", true, false),
        arguments("userName ew \"EXAMPLE.COM\"", true, false),
        arguments("userName co \"@\"", true, true),
        arguments("userName gt \"a\"", true, true),
        arguments("userName lt \"c\"", true, false),
        arguments("userName ge \"bjensen@example.com\"", true, true),
        arguments("userName le \"bjensen@example.com\"", true, false),
        arguments("name.familyName eq \"jensen\"", true, false),
        // multi-valued: any element; bare emails compares emails.value
        arguments("emails.value co \"jensen.org\"", true, false),
        arguments("emails co \"jensen.org\"", true, false),
        arguments("emails eq \"test@contoso.com\"", false, true),
        arguments("emails.type eq \"home\"", true, false),
        arguments("emails[type eq \"work\" and value co \"@example.com\"]", true, false),
        arguments("emails[type eq \"home\" and value co \"@example.com\"]", false, false),
        arguments("emails[type eq \"work\" and primary eq true]", true, true),
        arguments("emails[not (type eq \"work\")]", true, false),
        arguments("emails.value ne \"babs@jensen.org\"", false, true),
        arguments("roles[primary eq \"True\"]", true, false),
        arguments("roles[primary eq true and value eq \"ADMIN\"]", true, false),
        // enterprise extension, including a differently cased URN key
        arguments(ENTERPRISE + ":manager.value eq \"26118915\"", true, false),
        arguments(ENTERPRISE + ":manager.value eq \"M-1\"", false, true),
        arguments(ENTERPRISE + ":employeeNumber eq \"701984\"", true, false),
        arguments(ENTERPRISE + ":manager[displayName sw \"john\"]", true, false),
        // dateTime
        arguments("meta.lastModified gt \"2024-05-13T04:42:33Z\"", true, false),
        arguments("meta.lastModified gt \"2024-05-13T04:42:34Z\"", false, false),
        arguments("meta.lastModified ge \"2024-05-13T06:42:34+02:00\"", true, false),
        arguments("meta.lastModified eq \"2024-05-13T06:42:34+02:00\"", true, false),
        arguments("meta.lastModified lt \"2024-05-13T04:42:34.001Z\"", true, false),
        arguments("meta.created le \"2019-12-31T23:59:59Z\"", false, false),
        arguments(TENANT + ":hired eq \"2019-03-01T08:00:00Z\"", true, false),
        // booleans, including Entra's "True"/"False" strings on either side
        arguments("active eq true", true, false),
        arguments("active eq false", false, true),
        arguments("active eq \"False\"", false, true),
        arguments("active eq \"TRUE\"", true, false),
        arguments("active ne true", false, true),
        // numbers
        arguments(TENANT + ":level eq 7", true, false),
        arguments(TENANT + ":level eq 7.00", true, false),
        arguments(TENANT + ":level gt 6.5", true, false),
        arguments(TENANT + ":level le 6", false, false),
        arguments(TENANT + ":score eq 4.5", true, false),
        arguments(TENANT + ":score lt 4.5e0", false, false),
        arguments(TENANT + ":score ge 45e-1", true, false),
        arguments(TENANT + ":tags eq \"blue\"", true, false),
        arguments(TENANT + ":tags sw \"gr\"", true, false),
        // presence, eq null / ne null
        arguments("title pr", false, false),
        arguments("phoneNumbers pr", false, false),
        arguments("emails pr", true, true),
        arguments("name pr", true, false),
        arguments("nickName pr", false, false),
        arguments("nickName eq null", true, true),
        arguments("nickName ne null", false, false),
        arguments("userName eq null", false, false),
        arguments("userName ne null", true, true),
        arguments(ENTERPRISE + ":manager pr", true, true),
        // logic
        arguments("userName eq \"test@contoso.com\" and active eq \"false\"", false, true),
        arguments("userName eq \"nobody\" or externalId eq \"Ext-ABC\"", true, false),
        arguments("not (userName eq \"test@contoso.com\")", true, false),
        arguments("userName eq \"x\" or emails[type eq \"work\"] and active eq true", true, false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("userFilters")
  void matchesRealisticUsers(String filter, boolean bjensen, boolean entra) {
    Filter parsed = FilterParser.parse(filter);
    assertEquals(bjensen, EVALUATOR.matches(parsed, BJENSEN), "bjensen");
    assertEquals(entra, EVALUATOR.matches(parsed, ENTRA), "entra");
  }

  /** Every operator against an absent value: only ne (not eq) holds, whatever the type. */
  static Stream<Arguments> absentAttribute() {
    return Stream.of(
        arguments("nickName eq \"x\"", false), arguments("nickName ne \"x\"", true),
        arguments("nickName co \"x\"", false), arguments("nickName sw \"x\"", false),
        arguments("nickName ew \"x\"", false), arguments("nickName gt \"x\"", false),
        arguments("nickName ge \"x\"", false), arguments("nickName lt \"x\"", false),
        arguments("nickName le \"x\"", false), arguments("nickName pr", false),
        arguments("nickName eq null", true), arguments("nickName ne null", false),
        arguments("active eq true", false), arguments("active ne true", true),
        arguments("active eq false", false), arguments("active ne false", true),
        arguments("meta.lastModified eq \"2024-01-01T00:00:00Z\"", false),
        arguments("meta.lastModified ne \"2024-01-01T00:00:00Z\"", true),
        arguments("meta.lastModified gt \"2024-01-01T00:00:00Z\"", false),
        arguments("meta.lastModified lt \"2024-01-01T00:00:00Z\"", false),
        arguments(TENANT + ":level eq 1", false), arguments(TENANT + ":level ne 1", true),
        arguments(TENANT + ":level ge 1", false), arguments(TENANT + ":level le 1", false),
        arguments("emails.value co \"x\"", false), arguments("emails.value ne \"x\"", true),
        arguments("emails[type eq \"work\"]", false), arguments("not (emails[type eq \"work\"])", true),
        arguments("emails pr", false), arguments("emails eq null", true),
        arguments(ENTERPRISE + ":manager.value eq \"x\"", false),
        arguments(ENTERPRISE + ":manager.value ne \"x\"", true));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("absentAttribute")
  void absentAndNullValuesOnlySatisfyNe(String filter, boolean expected) {
    Filter parsed = FilterParser.parse(filter);
    assertEquals(expected, EVALUATOR.matches(parsed, Map.of("id", "1")), "absent");
    assertEquals(expected, EVALUATOR.matches(parsed, nulls()), "JSON null");
  }

  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        arguments("nosuch eq \"x\"", "unknown attribute \"nosuch\""),
        arguments("name.nosuch eq \"x\"", "unknown sub-attribute \"nosuch\" of \"name\""),
        arguments("urn:example:nope:2.0:User:x eq \"x\"", "unknown schema \"urn:example:nope:2.0:User\""),
        arguments(ENTERPRISE + ":nosuch pr", "unknown attribute"),
        arguments("emails[nosuch eq \"x\"]", "unknown sub-attribute \"nosuch\" of \"emails\""),
        arguments("name eq \"x\"", "\"name\" is a complex attribute and cannot be compared directly"),
        arguments(ENTERPRISE + ":manager eq \"x\"", "complex attribute"),
        arguments("userName[value eq \"x\"]", "\"userName\" is not a complex attribute"),
        arguments("userName eq 1", "\"userName\" is a string attribute; compare it with a string in double quotes, not 1"),
        arguments("userName eq true", "not true"),
        arguments("userName gt null", "null can only be compared with eq or ne, not \"gt\""),
        arguments("active gt true", "only eq and ne apply to it, not \"gt\""),
        arguments("active co \"t\"", "only eq and ne apply"),
        arguments("active eq \"yes\"", "compare it with true or false, not \"yes\""),
        arguments("active eq 1", "compare it with true or false, not 1"),
        arguments("meta.lastModified gt \"yesterday\"", "ISO-8601 date-time string with an offset"),
        arguments("meta.lastModified gt \"2024-01-01T00:00:00\"", "not \"2024-01-01T00:00:00\""),
        arguments("meta.lastModified gt \"2024-01-01\"", "dateTime attribute"),
        arguments("meta.lastModified gt 5", "dateTime attribute"),
        arguments("meta.lastModified co \"2024\"", "\"co\" does not apply to dateTime attribute"),
        arguments(TENANT + ":level sw 1", "\"sw\" does not apply to integer attribute"),
        arguments(TENANT + ":score ew 1", "\"ew\" does not apply to decimal attribute"),
        arguments(TENANT + ":level eq \"7\"", "is an integer attribute; compare it with a number, not \"7\""),
        arguments("emails eq 5", "string attribute"),
        arguments("not (active eq \"maybe\") or userName pr", "true or false"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidFilters")
  void rejectsInvalidFiltersBeforeLookingAtResources(String filter, String expectedDetail) {
    Filter parsed = FilterParser.parse(filter);
    ScimException e = assertThrows(ScimException.class, () -> EVALUATOR.validate(parsed));
    assertEquals(400, e.status());
    assertEquals(ScimType.INVALID_FILTER, e.scimType());
    assertTrue(e.detail().contains(expectedDetail), () -> "detail was: " + e.detail());
    assertThrows(ScimException.class, () -> EVALUATOR.matches(parsed, Map.of()));
  }

  @Test
  void rejectsValueFilterShapesTheParserNeverProduces() {
    Filter nested = new Filter.ValuePath(AttributePath.of("emails"),
        new Filter.ValuePath(AttributePath.of("value"), new Filter.Present(AttributePath.of("type"))));
    Filter qualifiedInner = new Filter.ValuePath(AttributePath.of("emails"),
        new Filter.Present(AttributePath.of("type", "x")));
    Filter onSubAttribute = new Filter.ValuePath(AttributePath.of("name", "givenName"),
        new Filter.Present(AttributePath.of("value")));

    assertDetail(nested, "value filters cannot be nested");
    assertDetail(qualifiedInner, "must be the plain name of one of its sub-attributes");
    assertDetail(onSubAttribute, "not to the sub-attribute \"name.givenName\"");
  }

  @Test
  void compiledFilterSelectsFromACollection() {
    var predicate = EVALUATOR.compile(FilterParser.parse("emails[type eq \"work\"]"));
    List<Map<String, Object>> matching = Stream.of(BJENSEN, ENTRA, Map.<String, Object>of("id", "3"))
        .filter(predicate).toList();
    assertEquals(List.of(BJENSEN, ENTRA), matching);
  }

  @Test
  void matchesElementSelectsElementsOfAMultiValuedAttribute() {
    AttributeDefinition emails = USERS.core().attribute("emails").orElseThrow();
    Filter work = FilterParser.parse("type eq \"WORK\" and value ew \"example.com\"");
    Map<String, Object> workEmail = json("{\"type\": \"work\", \"value\": \"a@example.com\"}");
    Map<String, Object> homeEmail = json("{\"type\": \"home\", \"value\": \"a@example.com\"}");

    assertTrue(EVALUATOR.matchesElement(work, workEmail, emails));
    assertFalse(EVALUATOR.matchesElement(work, homeEmail, emails));
    assertFalse(EVALUATOR.matchesElement(work, Map.of(), emails));
  }

  @Test
  void matchesElementCoercesEntraBooleanStrings() {
    AttributeDefinition roles = USERS.core().attribute("roles").orElseThrow();
    PatchPath path = PathParser.parse("roles[primary eq \"True\"].value");

    assertTrue(EVALUATOR.matchesElement(path.valueFilter(), json("{\"primary\": true}"), roles));
    assertTrue(EVALUATOR.matchesElement(path.valueFilter(), json("{\"primary\": \"true\"}"), roles));
    assertFalse(EVALUATOR.matchesElement(path.valueFilter(), json("{\"primary\": false}"), roles));
  }

  @Test
  void matchesElementValidatesWhateverTheElement() {
    AttributeDefinition emails = USERS.core().attribute("emails").orElseThrow();
    AttributeDefinition userName = USERS.core().attribute("userName").orElseThrow();
    Filter byType = FilterParser.parse("type eq \"work\"");

    ScimException unknown = assertThrows(ScimException.class,
        () -> EVALUATOR.matchesElement(FilterParser.parse("nosuch pr"), Map.of(), emails));
    assertEquals(ScimType.INVALID_FILTER, unknown.scimType());
    ScimException notComplex = assertThrows(ScimException.class,
        () -> EVALUATOR.matchesElement(byType, Map.of(), userName));
    assertTrue(notComplex.detail().contains("\"userName\" is not a complex attribute"), notComplex.detail());
  }

  @Test
  void groupMembersCompareByValue() {
    FilterEvaluator groups = new FilterEvaluator(ResourceSchema.groups());
    Map<String, Object> group = json("""
        {"id": "g1", "displayName": "Group", "members": [{"value": "u1", "display": "A"}, {"value": "u2"}]}
        """);

    assertTrue(groups.matches(FilterParser.parse("members[value eq \"u2\"]"), group));
    assertTrue(groups.matches(FilterParser.parse("members eq \"u1\""), group));
    assertFalse(groups.matches(FilterParser.parse("members eq \"u3\""), group));
    assertTrue(groups.matches(FilterParser.parse("displayName eq \"group\" and id eq \"g1\""), group));
    assertFalse(groups.matches(FilterParser.parse("id eq \"G1\""), group));
    ScimException e = assertThrows(ScimException.class, () -> groups.validate(FilterParser.parse("userName pr")));
    assertTrue(e.detail().contains("unknown attribute \"userName\" for Group resources"), e.detail());
  }

  private static void assertDetail(Filter filter, String expectedDetail) {
    ScimException e = assertThrows(ScimException.class, () -> EVALUATOR.validate(filter));
    assertEquals(ScimType.INVALID_FILTER, e.scimType());
    assertTrue(e.detail().contains(expectedDetail), () -> "detail was: " + e.detail());
  }

  /** A resource where every attribute the absent-value table uses is present but JSON null. */
  private static Map<String, Object> nulls() {
    return json("""
        {"id": "1", "nickName": null, "active": null, "meta": {"lastModified": null}, "emails": null,
         "%s": {"level": null}, "%s": {"manager": {"value": null}}}
        """.formatted(TENANT, ENTERPRISE));
  }

  private static AttributeDefinition simple(String name, AttributeType type, boolean multiValued) {
    return new AttributeDefinition(name, type, multiValued, null, false, false, Mutability.READ_WRITE,
        Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of());
  }

  private static Map<String, Object> json(String text) {
    try {
      return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
