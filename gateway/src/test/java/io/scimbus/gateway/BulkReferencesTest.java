package io.scimbus.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkReferencesTest {

  @Test
  void replacesEveryReferenceInDataAndLeavesTheRestAlone() {
    BulkReferences references = new BulkReferences(Set.of("u1", "u2"));
    references.created("u1", "id-1");
    references.created("u2", "id-2");
    JsonObject data = new JsonObject("{\"displayName\":\"Tour Guides\",\"count\":3,"
        + "\"members\":[{\"value\":\"bulkId:u1\",\"type\":\"User\"},{\"value\":\"bulkId:u2\"}],"
        + "\"manager\":{\"value\":\"bulkId:u1\"}}");
    JsonObject resolved = references.resolve(data);
    assertEquals(new JsonObject("{\"displayName\":\"Tour Guides\",\"count\":3,"
        + "\"members\":[{\"value\":\"id-1\",\"type\":\"User\"},{\"value\":\"id-2\"}],"
        + "\"manager\":{\"value\":\"id-1\"}}"), resolved);
    assertEquals("bulkId:u1", data.getJsonArray("members").getJsonObject(0).getString("value"));
    assertEquals("id-2", references.resolve("bulkId:u2"));
    assertEquals("plain", references.resolve("plain"));
  }

  @Test
  void unresolvableReferenceIsConflictSayingWhy() {
    BulkReferences references = new BulkReferences(Set.of("failed"));
    ScimException undeclared = assertThrows(ScimException.class, () -> references.resolve("bulkId:nope"));
    assertEquals(409, undeclared.status());
    assertTrue(undeclared.detail().contains("no operation in this request declares it"), undeclared.detail());
    ScimException notCreated = assertThrows(ScimException.class,
        () -> references.resolve(new JsonObject().put("value", "bulkId:failed")));
    assertTrue(notCreated.detail().contains("failed or comes later"), notCreated.detail());
  }
}
