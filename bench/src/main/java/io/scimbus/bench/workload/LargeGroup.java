package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.scimbus.bench.Workload;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Issue 3's large-group figures: groups filled by one PATCH adding {@code members} seeded users at once (more than
 * Entra's batches; other clients send this), then reads of those groups with {@code excludedAttributes=members},
 * which must not cost more because the group is large.
 */
public final class LargeGroup implements Workload {
  static final String CREATE = "POST /Groups";
  static final String BIG_PATCH = "PATCH /Groups/{id} add members (one request)";
  static final String READ = "GET /Groups/{id}?excludedAttributes=members";

  private final Target target;
  private final SeededUsers population;
  private final String runId;
  private final int groups;
  private final int members;
  private final int reads;
  private final AtomicReferenceArray<String> groupIds;

  public LargeGroup(Target target, SeededUsers population, String runId, int groups, int members, int reads) {
    this.target = target;
    this.population = population;
    this.runId = runId;
    this.groups = groups;
    this.members = Math.min(members, population.count());
    this.reads = reads;
    this.groupIds = new AtomicReferenceArray<>(groups);
  }

  @Override
  public String name() {
    return "large-group";
  }

  @Override
  public String describe() {
    return groups + " groups each given " + members + " members in one PATCH, then " + reads
        + " reads without members";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("fill", groups, this::fill), new Phase("read", reads, this::read));
  }

  private Future<?> fill(long index, ScimClient client) {
    List<String> ids = new ArrayList<>(members);
    for (long n = 0; n < members; n++) {
      ids.add(population.id((index * members + n) % population.count()));
    }
    return client.post(CREATE, target, "/Groups", UserDocs.group(runId + " large " + index))
        .compose(created -> {
          if (!created.ok()) {
            return Future.succeededFuture();
          }
          String id = created.json().getString("id");
          groupIds.set((int) index, id);
          return client.patch(BIG_PATCH, target, "/Groups/" + id, UserDocs.addMembers(ids));
        });
  }

  private Future<?> read(long index, ScimClient client) {
    String id = groupIds.get((int) (index % groups));
    if (id == null) {
      return Future.failedFuture(new IllegalStateException("no large group was created"));
    }
    return client.get(READ, target, "/Groups/" + id + "?excludedAttributes=members");
  }
}
