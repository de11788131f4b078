package io.scimbus.bench;

import java.util.List;

/** A pluggable load: its phases run one after another against the same budget. */
public interface Workload {
  String name();

  /** One line for the report: what the workload sends and at which sizes. */
  String describe();

  List<Phase> phases();
}
