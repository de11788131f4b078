package io.scimbus.contract;

/** Values of the {@link BusHeaders#ACTION} header. */
public final class Actions {
  public static final String CREATE = "create";
  public static final String GET = "get";
  public static final String LIST = "list";
  public static final String REPLACE = "replace";
  public static final String PATCH = "patch";
  public static final String DELETE = "delete";
  /** Notifier: the events it has consumed for a tenant (used by operators and tests). */
  public static final String EVENTS = "events";
  /** Policy: the tenant's profile document (404 for an unknown tenant). */
  public static final String PROFILE = "profile";

  private Actions() {
  }
}
