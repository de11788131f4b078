package io.scimbus.contract;

import java.util.List;

/** Types of provisioning events, as webhook consumers see them. */
public final class EventTypes {
  public static final String USER_CREATED = "user.created";
  public static final String USER_UPDATED = "user.updated";
  public static final String USER_DEACTIVATED = "user.deactivated";
  public static final String USER_REACTIVATED = "user.reactivated";
  public static final String USER_DELETED = "user.deleted";
  public static final String GROUP_CREATED = "group.created";
  public static final String GROUP_UPDATED = "group.updated";
  public static final String GROUP_DELETED = "group.deleted";
  /** Sent only by an operator's {@code POST .../webhooks/{id}/test}, never by a change. */
  public static final String WEBHOOK_TEST = "webhook.test";

  /** The types a webhook endpoint may subscribe to. */
  public static final List<String> SUBSCRIBABLE = List.of(USER_CREATED, USER_UPDATED,
      USER_DEACTIVATED, USER_REACTIVATED, USER_DELETED, GROUP_CREATED, GROUP_UPDATED, GROUP_DELETED);

  private EventTypes() {
  }
}
