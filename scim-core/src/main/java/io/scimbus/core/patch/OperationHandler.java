package io.scimbus.core.patch;

import java.util.Map;

/** Applies one op to one resolved target of a mutable working copy of the resource. */
interface OperationHandler {
  void apply(Map<String, Object> resource, Target target, Object value);
}
