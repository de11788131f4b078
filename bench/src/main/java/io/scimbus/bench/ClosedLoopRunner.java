package io.scimbus.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closed loop: {@code concurrency} loops, each sending its next unit as soon as the previous one answered. All loops
 * run on one event loop, so units are handed out without locks.
 */
public final class ClosedLoopRunner {
  private final Context context;
  private final int concurrency;

  public ClosedLoopRunner(Context context, int concurrency) {
    this.context = context;
    this.concurrency = concurrency;
  }

  /** Runs the phases in order; completes when the last unit answered or the budget is spent. */
  public Future<Void> run(List<Phase> phases, ScimClient client, Recorder recorder, Budget budget) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> runFrom(0, phases, client, recorder, budget).onComplete(done));
    return done.future();
  }

  private Future<Void> runFrom(int index, List<Phase> phases, ScimClient client, Recorder recorder, Budget budget) {
    if (index == phases.size() || budget.exhausted()) {
      return Future.succeededFuture();
    }
    Phase phase = phases.get(index);
    long started = System.nanoTime();
    long[] next = {0};
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < Math.min(concurrency, phase.units()); i++) {
      Promise<Void> loop = Promise.promise();
      step(phase, next, client, recorder.op(Phase.UNIT_PREFIX + phase.name()), budget, loop);
      loops.add(loop.future());
    }
    return Future.join(loops).compose(v -> {
      recorder.phaseTook(phase.name(), (System.nanoTime() - started) / 1e9);
      return runFrom(index + 1, phases, client, recorder, budget);
    });
  }

  private void step(Phase phase, long[] next, ScimClient client, OpStats units, Budget budget, Promise<Void> loop) {
    if (next[0] >= phase.units() || budget.exhausted()) {
      loop.complete();
      return;
    }
    long unit = next[0]++;
    long start = System.nanoTime();
    Future<?> outcome;
    try {
      outcome = phase.unit().run(unit, client);
    } catch (RuntimeException e) {
      outcome = Future.failedFuture(e);
    }
    outcome.onComplete(ar -> {
      if (ar.failed() && ar.cause() instanceof BudgetSpent) {
        loop.complete();
        return;
      }
      // a unit that threw is a harness bug or a malformed answer: it counts as an error of the unit, never silently
      units.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start), ar.succeeded() ? 200 : 599,
          ar.succeeded() ? null : ar.cause().toString());
      context.runOnContext(v -> step(phase, next, client, units, budget, loop));
    });
  }
}
