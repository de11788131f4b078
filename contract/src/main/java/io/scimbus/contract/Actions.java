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
  /** Policy: the tenant's ServiceProviderConfig (RFC 7643 §5). */
  public static final String SERVICE_PROVIDER_CONFIG = "serviceProviderConfig";
  /** Policy: the tenant's resource types as a ListResponse (RFC 7643 §6). */
  public static final String RESOURCE_TYPES = "resourceTypes";
  /** Policy: one resource type by {@link RequestFields#ID}. */
  public static final String RESOURCE_TYPE = "resourceType";
  /** Policy: the schemas that drive the tenant's validation, as a ListResponse (RFC 7643 §7). */
  public static final String SCHEMAS = "schemas";
  /** Policy: one schema by its URN in {@link RequestFields#ID}. */
  public static final String SCHEMA = "schema";

  private Actions() {
  }
}
