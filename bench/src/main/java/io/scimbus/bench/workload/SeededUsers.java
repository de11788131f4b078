package io.scimbus.bench.workload;

import io.scimbus.bench.ScimClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The users {@link io.scimbus.bench.SteadySeed} writes straight into PostgreSQL, named by their number so workloads
 * can address any of them without reading them back: the id is {@code md5('<tenant>-' || n)::uuid} on both sides.
 */
public final class SeededUsers {
  private final String tenant;
  private final int count;

  public SeededUsers(String tenant, int count) {
    this.tenant = tenant;
    this.count = count;
  }

  public String tenant() {
    return tenant;
  }

  public int count() {
    return count;
  }

  public String userName(long n) {
    return "user" + n + "@" + tenant + ".example";
  }

  public String externalId(long n) {
    return "ext-" + n;
  }

  public String id(long n) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest((tenant + "-" + n).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(digest);
      return new UUID(bytes.getLong(), bytes.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships MD5", e);
    }
  }

  /** The path of a lookup by userName of user {@code n}. */
  public String userNameLookup(long n) {
    return ScimClient.filtered("/Users", "userName eq \"" + userName(n) + "\"");
  }
}
