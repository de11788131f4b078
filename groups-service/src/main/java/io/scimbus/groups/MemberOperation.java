package io.scimbus.groups;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.UUID;

/** A PATCH operation on {@code members}, carried out by {@link MemberRepository} as SQL set operations. */
sealed interface MemberOperation {

  /** Runs the operation inside {@code tx} and records the ids it really added or removed into {@code changes}. */
  Future<Void> apply(MemberRepository repository, SqlClient tx, String tenant, UUID group, MemberChanges changes);

  /** How many members the operation names, which counts against the members a request may carry. */
  int size();

  /** {@code add} of members: existing memberships stay as they are. */
  record Add(List<Member> members) implements MemberOperation {
    @Override
    public Future<Void> apply(MemberRepository repository, SqlClient tx, String tenant, UUID group,
        MemberChanges changes) {
      return repository.typed(tx, tenant, members).compose(typed -> repository.add(tx, tenant, group, typed))
          .map(ids -> {
            changes.added(ids);
            return null;
          });
    }

    @Override
    public int size() {
      return members.size();
    }
  }

  /** {@code remove} of {@code members[value eq "id"]} or of {@code members} with a value list: only these ids. */
  record Remove(List<String> ids) implements MemberOperation {
    @Override
    public Future<Void> apply(MemberRepository repository, SqlClient tx, String tenant, UUID group,
        MemberChanges changes) {
      return repository.remove(tx, tenant, group, ids).map(removed -> {
        changes.removed(removed);
        return null;
      });
    }

    @Override
    public int size() {
      return ids.size();
    }
  }

  /** {@code remove} of {@code members} without a value: every member (RFC 7644 §3.5.2.2). */
  record RemoveAll() implements MemberOperation {
    @Override
    public Future<Void> apply(MemberRepository repository, SqlClient tx, String tenant, UUID group,
        MemberChanges changes) {
      return repository.replace(tx, tenant, group, List.of(), changes);
    }

    @Override
    public int size() {
      return 0;
    }
  }

  /** {@code replace} of {@code members}: afterwards the group holds exactly these. */
  record Replace(List<Member> members) implements MemberOperation {
    @Override
    public Future<Void> apply(MemberRepository repository, SqlClient tx, String tenant, UUID group,
        MemberChanges changes) {
      return repository.typed(tx, tenant, members)
          .compose(typed -> repository.replace(tx, tenant, group, typed, changes));
    }

    @Override
    public int size() {
      return members.size();
    }
  }
}
