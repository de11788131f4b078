package io.scimbus.e2e;

import static io.scimbus.e2e.GroupRequests.group;
import static io.scimbus.e2e.GroupRequests.memberIds;
import static io.scimbus.e2e.GroupRequests.members;
import static io.scimbus.e2e.GroupRequests.op;
import static io.scimbus.e2e.GroupRequests.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A group of 10,000 members changed in single PATCHes. Timings are printed as {@code BENCH name ms=...} for
 * BENCHMARKS.md; the assertions are on behaviour only.
 */
class LargeGroupIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  private static final int MEMBERS = 10_000;

  @Test
  void tenThousandMembersInOnePatch() throws Exception {
    ScimClient scim = CLUSTER.newTenant();
    String id = scim.post("/Groups", group("All Employees")).json().getString("id");
    String path = "/Groups/" + id;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      ids.add(UUID.randomUUID().toString());
    }

    long start = System.nanoTime();
    Response added = scim.patch(path, patch(op("Add", "members", members(ids))));
    bench("group.patch.add10000", start);
    assertEquals(204, added.status(), added.toString());

    start = System.nanoTime();
    Response excluded = scim.get(path + "?excludedAttributes=members");
    bench("group.get.excludedMembers.of10000", start);
    assertEquals(200, excluded.status(), excluded.toString());
    assertFalse(excluded.json().containsKey("members"));
    assertTrue(excluded.raw().body().length() < 1_000, "no member data travels: " + excluded.raw().body().length());

    start = System.nanoTime();
    JsonObject full = scim.get(path).json();
    bench("group.get.withMembers.of10000", start);
    assertEquals(new HashSet<>(ids), memberIds(full));

    JsonObject event = GroupRequests.awaitEvent(CLUSTER, scim.tenant(), id, e -> e.getLong("version") == 2);
    assertEquals(MEMBERS, event.getJsonObject("data").getInteger("membersAddedCount"));
    assertEquals(MEMBERS, event.getJsonObject("data").getJsonArray("membersAdded").size());

    List<String> doomed = ids.subList(0, MEMBERS / 2);
    start = System.nanoTime();
    Response removed = scim.patch(path, patch(op("Remove", "members", members(doomed))));
    bench("group.patch.remove5000", start);
    assertEquals(204, removed.status(), removed.toString());

    Set<String> remaining = memberIds(scim.get(path).json());
    assertEquals(MEMBERS / 2, remaining.size());
    assertEquals(new HashSet<>(ids.subList(MEMBERS / 2, MEMBERS)), remaining);
  }

  private static void bench(String name, long startNanos) {
    System.out.println("BENCH " + name + " ms=" + (System.nanoTime() - startNanos) / 1_000_000);
  }
}
