package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.Target;
import io.scimbus.bench.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Entra initial syncs one after another, each with names of its own, as a warm-up that sends every request the
 * measured sync will send: a users-only warm-up left the groups phase (group creates, member PATCHes, their events)
 * to be compiled during the measurement. It is meant to be cut short by its budget; {@code cycles} bounds it.
 */
public final class RepeatedSync implements Workload {
  private final Target target;
  private final String runId;
  private final int cycles;
  private final int users;
  private final int groups;
  private final int members;
  private final int batch;

  public RepeatedSync(Target target, String runId, int cycles, int users, int groups, int members, int batch) {
    this.target = target;
    this.runId = runId;
    this.cycles = cycles;
    this.users = users;
    this.groups = groups;
    this.members = members;
    this.batch = batch;
  }

  @Override
  public String name() {
    return "repeated-entra-sync";
  }

  @Override
  public String describe() {
    return "up to " + cycles + " Entra syncs of " + users + " users and " + groups + " groups of " + members
        + " members each";
  }

  @Override
  public List<Phase> phases() {
    List<Phase> phases = new ArrayList<>();
    for (int cycle = 1; cycle <= cycles; cycle++) {
      phases.addAll(new EntraInitialSync(target, runId + cycle, users, groups, members, batch).phases());
    }
    return phases;
  }
}
