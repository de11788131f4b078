package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.ScimUrns;
import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BulkRequestParserTest {

  @Test
  void readsOperationsInOrder() {
    BulkRequest request = BulkRequestParser.parse(bulk(
        "{\"method\":\"post\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{\"userName\":\"a\"}}",
        "{\"method\":\"PATCH\",\"path\":\"/Users/bulkId:u1\",\"version\":\"W/\\\"1\\\"\",\"data\":{}}",
        "{\"method\":\"DELETE\",\"path\":\"/Groups/42\"}").put("failOnErrors", 2), 10);
    assertEquals(2, request.failOnErrors());
    BulkOperation post = request.operations().get(0);
    assertEquals("POST", post.method());
    assertEquals("/Users", post.endpoint());
    assertEquals(null, post.id());
    BulkOperation patch = request.operations().get(1);
    assertEquals("bulkId:u1", patch.id());
    assertEquals("W/\"1\"", patch.version());
    BulkOperation delete = request.operations().get(2);
    assertEquals("/Groups", delete.endpoint());
    assertEquals("42", delete.id());
    assertEquals(null, delete.data());
  }

  @Test
  void withoutFailOnErrorsEveryOperationRuns() {
    assertEquals(BulkRequest.NO_LIMIT, BulkRequestParser.parse(bulk(), 10).failOnErrors());
  }

  @Test
  void tooManyOperationsIsPayloadTooLarge() {
    String op = "{\"method\":\"DELETE\",\"path\":\"/Users/1\"}";
    ScimException error = assertThrows(ScimException.class, () -> BulkRequestParser.parse(bulk(op, op, op), 2));
    assertEquals(413, error.status());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("{\"method\":\"GET\",\"path\":\"/Users/1\"}", "invalidValue"),
        Arguments.of("{\"path\":\"/Users/1\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/Devices/1\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/Users\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\",\"path\":\"/Users/\"}", "invalidValue"),
        Arguments.of("{\"method\":\"DELETE\"}", "invalidValue"),
        Arguments.of("{\"method\":\"POST\",\"path\":\"/Users/1\",\"bulkId\":\"x\",\"data\":{}}", "invalidValue"),
        Arguments.of("{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{}}", "invalidSyntax"),
        Arguments.of("{\"method\":\"PUT\",\"path\":\"/Users/1\"}", "invalidSyntax"),
        Arguments.of("{\"method\":1,\"path\":\"/Users/1\"}", "invalidSyntax"),
        Arguments.of("\"DELETE /Users/1\"", "invalidSyntax"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedOperationRefusesTheWholeRequest(String operation, String scimType) {
    ScimException error = assertThrows(ScimException.class, () -> BulkRequestParser.parse(bulk(operation), 10));
    assertEquals(400, error.status());
    assertEquals(scimType, error.scimType(), error.detail());
  }

  @Test
  void duplicateBulkIdIsInvalid() {
    String op = "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"u1\",\"data\":{}}";
    assertEquals("invalidValue",
        assertThrows(ScimException.class, () -> BulkRequestParser.parse(bulk(op, op), 10)).scimType());
  }

  @Test
  void requestWithoutBulkSchemaOrOperationsIsInvalidSyntax() {
    assertEquals("invalidSyntax", assertThrows(ScimException.class,
        () -> BulkRequestParser.parse(new JsonObject().put("Operations", new JsonArray()), 10)).scimType());
    assertEquals("invalidSyntax", assertThrows(ScimException.class, () -> BulkRequestParser.parse(
        new JsonObject().put("schemas", new JsonArray().add(ScimUrns.BULK_REQUEST)), 10)).scimType());
    assertEquals("invalidValue", assertThrows(ScimException.class,
        () -> BulkRequestParser.parse(bulk().put("failOnErrors", 0), 10)).scimType());
  }

  private static JsonObject bulk(String... operations) {
    return new JsonObject()
        .put("schemas", new JsonArray().add(ScimUrns.BULK_REQUEST))
        .put("Operations", new JsonArray("[" + String.join(",", operations) + "]"));
  }
}
