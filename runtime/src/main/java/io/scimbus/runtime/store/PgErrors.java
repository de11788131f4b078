package io.scimbus.runtime.store;

import io.scimbus.core.error.ScimException;
import io.vertx.pgclient.PgException;

/** Maps PostgreSQL failures that clients caused to SCIM errors, in one place. */
public final class PgErrors {
  private static final String UNIQUE_VIOLATION = "23505";

  private PgErrors() {
  }

  /** A unique-index violation becomes 409 uniqueness with {@code detail}; anything else passes through. */
  public static Throwable uniqueness(Throwable failure, String detail) {
    if (failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
      return ScimException.uniqueness(detail);
    }
    return failure;
  }
}
