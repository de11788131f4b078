package io.scimbus.bench;

/** Signals a loop that the run's budget is spent; not an error of the server. */
final class BudgetSpent extends RuntimeException {
  static final BudgetSpent INSTANCE = new BudgetSpent();

  private BudgetSpent() {
    super("budget spent", null, false, false);
  }
}
