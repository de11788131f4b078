package io.scimbus.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SeededUsersTest {
  private final SeededUsers users = new SeededUsers("steady", 1_000_000);

  /**
   * PostgreSQL reads {@code md5('steady-0')::uuid} as the 32 hex digits in order: the seed and the workloads must
   * name the same row.
   */
  @Test
  void idIsTheMd5OfTenantAndNumberReadAsUuid() throws Exception {
    String id = users.id(0);
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
    assertEquals(md5Hex("steady-0"), id.replace("-", ""));
  }

  @Test
  void lookupPathEncodesTheFilterWithPercentTwenty() {
    assertEquals("/Users?filter=userName%20eq%20%22user7%40steady.example%22", users.userNameLookup(7));
  }

  private static String md5Hex(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
