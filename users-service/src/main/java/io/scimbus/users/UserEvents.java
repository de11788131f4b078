package io.scimbus.users;

import io.scimbus.contract.EventTypes;

/**
 * Which event a change to a user is. Consumers act on deactivation (portal behaviours remove employees and devices),
 * so a PUT or PATCH that flips {@code active} is announced as such rather than as a plain update.
 */
final class UserEvents {
  private UserEvents() {
  }

  /**
   * The event type of a replace or patch. An absent {@code active} counts as active: only an explicit
   * {@code false} deactivates (Okta and Entra always send the flag; a user created without it is in use).
   */
  static String forUpdate(Boolean activeBefore, Boolean activeAfter) {
    boolean wasActive = !Boolean.FALSE.equals(activeBefore);
    boolean isActive = !Boolean.FALSE.equals(activeAfter);
    if (wasActive && !isActive) {
      return EventTypes.USER_DEACTIVATED;
    }
    if (!wasActive && isActive) {
      return EventTypes.USER_REACTIVATED;
    }
    return EventTypes.USER_UPDATED;
  }
}
