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
 * Entra ID's initial cycle: every user looked up by userName (absent) then created; then groups created and filled
 * by PATCH {@code Add members} batches of at most {@code batch} members, one batch after another per group.
 */
public final class EntraInitialSync implements Workload {
  static final String GROUP_CREATE = "POST /Groups";
  static final String MEMBER_BATCH = "PATCH /Groups/{id} add members";

  private final Target target;
  private final String runId;
  private final int users;
  private final int groups;
  private final int members;
  private final int batch;
  private final AtomicReferenceArray<String> ids;

  public EntraInitialSync(Target target, String runId, int users, int groups, int members, int batch) {
    if (batch > 100) {
      throw new IllegalArgumentException("Entra sends at most 100 members per PATCH; got " + batch);
    }
    this.target = target;
    this.runId = runId;
    this.users = users;
    this.groups = groups;
    this.members = Math.min(members, users);
    this.batch = batch;
    // ids are kept only to fill groups, so a users-only run (a warm-up) may be as long as time allows
    this.ids = new AtomicReferenceArray<>(groups > 0 ? users : 0);
  }

  @Override
  public String name() {
    return "entra-initial-sync";
  }

  @Override
  public String describe() {
    return users + " users (lookup then create), then " + groups + " groups of " + members
        + " members added in PATCH batches of " + batch;
  }

  @Override
  public List<Phase> phases() {
    List<Phase> phases = new ArrayList<>();
    phases.add(new Phase("user", users, this::syncUser));
    if (groups > 0) {
      phases.add(new Phase("group", groups, this::syncGroup));
    }
    return phases;
  }

  private Future<?> syncUser(long index, ScimClient client) {
    String userName = runId + "-" + index + "@entra.example";
    return UserSync.sync(client, target, userName, runId + "-ext-" + index)
        .onSuccess(id -> {
          if (groups > 0) {
            ids.set((int) index, id);
          }
        });
  }

  private Future<?> syncGroup(long index, ScimClient client) {
    return client.post(GROUP_CREATE, target, "/Groups", UserDocs.group(runId + " group " + index))
        .compose(created -> created.ok() ? addBatches(client, created.json().getString("id"), index, 0)
            : Future.succeededFuture());
  }

  private Future<Void> addBatches(ScimClient client, String groupId, long group, int from) {
    if (from >= members) {
      return Future.succeededFuture();
    }
    List<String> batchIds = new ArrayList<>();
    for (int k = from; k < Math.min(from + batch, members); k++) {
      String id = ids.get((int) ((group * members + k) % users));
      if (id != null) {
        batchIds.add(id);
      }
    }
    return client.patch(MEMBER_BATCH, target, "/Groups/" + groupId, UserDocs.addMembers(batchIds))
        .compose(r -> addBatches(client, groupId, group, from + batch));
  }
}
