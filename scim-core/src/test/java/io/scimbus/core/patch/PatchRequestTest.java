package io.scimbus.core.patch;

import static io.scimbus.core.patch.Json.map;
import static io.scimbus.core.patch.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimbus.core.error.ScimException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PatchRequestTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{'Operations':[{'op':'add','path':'x','value':1}]}                                    | invalidSyntax",
      "{'schemas':['urn:wrong'],'Operations':[{'op':'add','path':'x','value':1}]}             | invalidSyntax",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}                          | invalidSyntax",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[]}          | invalidValue",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'move','path':'x'}]} | invalidSyntax",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'path':'x'}]} | invalidSyntax",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'add','path':'x'}]} | invalidValue",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'add','path':'','value':{}}]} | invalidPath",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'Replace','path':' ','value':{}}]} | invalidPath",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'remove','path':''}]} | invalidPath",
      "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'add','path':5,'value':{}}]} | invalidPath",
  })
  void malformedRequestsAreRejected(String body, String scimType) {
    ScimException e = assertThrows(ScimException.class, () -> PatchRequest.parse(map(body)));
    assertEquals(400, e.status());
    assertEquals(scimType, e.scimType());
  }

  @Test
  void operationsKeepRawPathAndValueInOrder() {
    PatchRequest request = PatchRequest.parse(patch("[{'op':'Add','path':'members','value':[{'value':'u1'}]},"
        + "{'op':'REMOVE','path':'members[value eq \\\"u2\\\"]'}]"));
    assertEquals(List.of(PatchOp.ADD, PatchOp.REMOVE), request.operations().stream().map(PatchOperation::op).toList());
    assertEquals("members[value eq \"u2\"]", request.operations().get(1).path());
    assertEquals(List.of(java.util.Map.of("value", "u1")), request.operations().get(0).value());
    assertNull(request.operations().get(1).value());
  }
}
