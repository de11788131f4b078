package io.scimbus.bench.workload;

import io.scimbus.bench.Phase;
import io.scimbus.bench.Response;
import io.scimbus.bench.ScimClient;
import io.scimbus.bench.Target;
import io.scimbus.bench.UnassignLatencies;
import io.scimbus.bench.Workload;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Deactivates each user as Entra does ({@code PATCH} {@code Replace} {@code active} with the string
 * {@code "False"}); once the PATCH answered 2xx, asks the tenant's admin API how many devices are still assigned to
 * the user ({@code GET .../devices?assignedUserId=<id>&count=0}), at once and then {@code pollInterval} after each
 * answer, until none is or the deadline (counted from the PATCH's answer) passed. The time from the PATCH's answer to
 * the answer of the first poll that found none goes to the {@link UnassignLatencies}, so a figure is late by at most
 * one interval plus one poll's round trip; a user still holding a device at the deadline is recorded as missed.
 */
public final class MdmDeactivations implements Workload {
  static final String POLL = "GET /admin/v1/tenants/{t}/devices?assignedUserId (poll)";

  private final Vertx vertx;
  private final Target scim;
  private final Target admin;
  private final List<String> userIds;
  private final Duration pollInterval;
  private final UnassignLatencies latencies;

  /** {@code vertx} runs the poll timers; {@code admin} is the tenant's admin API with the admin token. */
  public MdmDeactivations(Vertx vertx, Target scim, Target admin, List<String> userIds, Duration pollInterval,
      UnassignLatencies latencies) {
    this.vertx = vertx;
    this.scim = scim;
    this.admin = admin;
    this.userIds = List.copyOf(userIds);
    this.pollInterval = pollInterval;
    this.latencies = latencies;
  }

  @Override
  public String name() {
    return "mdm-deactivations";
  }

  @Override
  public String describe() {
    return userIds.size() + " users deactivated (PATCH active \"False\"), each polled every "
        + pollInterval.toMillis() + " ms until its devices are unassigned, at most "
        + latencies.deadline().toSeconds() + " s";
  }

  @Override
  public List<Phase> phases() {
    return List.of(new Phase("deactivation", userIds.size(), this::deactivate));
  }

  private Future<?> deactivate(long index, ScimClient client) {
    String userId = userIds.get((int) index);
    return client.patch(SteadyState.DEACTIVATE, scim, "/Users/" + userId, UserDocs.replace("active", "False"))
        .recover(failure -> {
          latencies.notDeactivated(userId);
          return Future.failedFuture(failure);
        })
        .compose(answer -> {
          if (!answer.ok()) {
            latencies.notDeactivated(userId);
            return Future.succeededFuture();
          }
          long answered = System.nanoTime();
          return poll(client, userId, answered, answered + latencies.deadline().toNanos())
              // a poll that could not be sent or read leaves the devices unseen: missed, and the unit an error
              .recover(failure -> {
                latencies.missed(userId);
                return Future.failedFuture(failure);
              });
        });
  }

  private Future<Void> poll(ScimClient client, String userId, long answeredNanos, long deadlineNanos) {
    return client.get(POLL, admin, "/devices?assignedUserId=" + userId + "&count=0").compose(found -> {
      long now = System.nanoTime();
      if (noneAssigned(found)) {
        latencies.seen((now - answeredNanos) / 1e6);
        return Future.succeededFuture();
      }
      if (now >= deadlineNanos) {
        latencies.missed(userId);
        return Future.succeededFuture();
      }
      return vertx.timer(pollInterval.toMillis(), TimeUnit.MILLISECONDS)
          .compose(v -> poll(client, userId, answeredNanos, deadlineNanos));
    });
  }

  /** A failed poll (its status is in the report) says nothing yet; the next one may. */
  private static boolean noneAssigned(Response found) {
    return found.ok() && found.json().getLong("totalResults", -1L) == 0;
  }
}
