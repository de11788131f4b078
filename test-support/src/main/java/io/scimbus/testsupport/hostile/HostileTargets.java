package io.scimbus.testsupport.hostile;

import java.util.List;

/**
 * Whom hostile requests go to. {@code hostile} gets only requests that must change nothing; {@code lenient} also
 * gets edge cases a server may accept; {@code victim}'s URL is used with the hostile tenant's token (and its token
 * on the hostile tenant's URL), so it must change nothing either. {@code adminToken} null leaves the admin API out.
 *
 * @param gateway path prefix of SCIM tenants, e.g. {@code /scim/v2}
 */
public record HostileTargets(String gateway, Tenant hostile, Tenant lenient, Tenant victim, String adminToken) {

  /** A tenant with a token and some resources that exist before the run. */
  public record Tenant(String id, String token, List<String> userIds, List<String> groupIds) {
  }
}
