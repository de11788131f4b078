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

  /** Policy: tenants, as the admin API manages them. The tenant id travels in {@link BusHeaders#TENANT}. */
  public static final String TENANT_CREATE = "tenant.create";
  public static final String TENANT_GET = "tenant.get";
  public static final String TENANT_LIST = "tenant.list";
  public static final String TENANT_UPDATE = "tenant.update";
  public static final String TENANT_DELETE = "tenant.delete";
  /** Policy: tenant token rows (the gateway signs; policy only knows ids and whether they are active). */
  public static final String TOKEN_CREATE = "token.create";
  public static final String TOKEN_LIST = "token.list";
  public static final String TOKEN_REVOKE = "token.revoke";
  /** Policy: a new token row and every earlier one of the tenant revoked, in one transaction. */
  public static final String TOKEN_REGENERATE = "token.regenerate";
  /** Policy: whether the token id in the body is active for the tenant in the header ({@code {"active": bool}}). */
  public static final String TOKEN_STATUS = "token.status";
  /** Policy: the tenant's profile document (404 for an unknown tenant); what services call to enforce it. */
  public static final String PROFILE = "profile";
  public static final String PROFILE_SET = "profile.set";
  /** Policy: a page of the tenant's provisioning log, newest first. */
  public static final String PROVISIONING_LOG = "provisioning-log";
  /**
   * Every service of {@link BusAddresses#DEAD_LETTER_OWNERS}: the tenant's dead letters, newest first, at most
   * {@code count} (query parameter) of them.
   */
  public static final String DEAD_LETTERS = "dead-letters";
  /** Same services: puts the tenant's dead letter {@link RequestFields#ID} back on its queue (202), or 404. */
  public static final String DEAD_LETTER_REPLAY = "dead-letter.replay";

  /**
   * Notifier: a tenant's webhook endpoints, as the admin API manages them. The tenant travels in
   * {@link BusHeaders#TENANT}, the endpoint id in {@link RequestFields#ID}.
   */
  public static final String WEBHOOK_CREATE = "webhook.create";
  public static final String WEBHOOK_LIST = "webhook.list";
  public static final String WEBHOOK_GET = "webhook.get";
  public static final String WEBHOOK_UPDATE = "webhook.update";
  public static final String WEBHOOK_DELETE = "webhook.delete";
  /** Notifier: a new secret; the replaced one keeps signing, beside it, for the grace period. */
  public static final String WEBHOOK_ROTATE_SECRET = "webhook.rotate-secret";
  /** Notifier: a page of the endpoint's delivery attempts, newest first. */
  public static final String WEBHOOK_DELIVERIES = "webhook.deliveries";
  /** Notifier: queue events again for the endpoint (one, since an instant, or its dead letters). */
  public static final String WEBHOOK_REPLAY = "webhook.replay";
  /** Notifier: send a {@code webhook.test} event now and answer with the attempt. */
  public static final String WEBHOOK_TEST = "webhook.test";

  private Actions() {
  }
}
