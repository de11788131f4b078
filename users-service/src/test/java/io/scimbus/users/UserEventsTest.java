package io.scimbus.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimbus.contract.EventTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserEventsTest {
  @ParameterizedTest(name = "active {0} -> {1} is {2}")
  @CsvSource(nullValues = "absent", value = {
      "true,   false,  " + EventTypes.USER_DEACTIVATED,
      "absent, false,  " + EventTypes.USER_DEACTIVATED,
      "false,  true,   " + EventTypes.USER_REACTIVATED,
      "false,  absent, " + EventTypes.USER_REACTIVATED,
      "true,   true,   " + EventTypes.USER_UPDATED,
      "absent, true,   " + EventTypes.USER_UPDATED,
      "true,   absent, " + EventTypes.USER_UPDATED,
      "false,  false,  " + EventTypes.USER_UPDATED,
  })
  void activeTransitionNamesTheEvent(Boolean before, Boolean after, String expected) {
    assertEquals(expected, UserEvents.forUpdate(before, after));
  }
}
