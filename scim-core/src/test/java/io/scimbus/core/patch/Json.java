package io.scimbus.core.patch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Test fixtures are written as JSON, the way IdPs document them. Single quotes stand for double quotes. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  public static Map<String, Object> map(String json) {
    try {
      return MAPPER.readValue(json.replace('\'', '"'), new TypeReference<Map<String, Object>>() { });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PatchOp body around the given operations array. */
  public static Map<String, Object> patch(String operations) {
    return map("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':" + operations + "}");
  }
}
