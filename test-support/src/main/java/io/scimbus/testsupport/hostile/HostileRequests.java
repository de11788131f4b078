package io.scimbus.testsupport.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of hostile HTTP requests against every SCIM endpoint and, given an admin token, every admin
 * endpoint: request {@code i} depends only on the seed and {@code i}, so a failure is reproduced from both whatever
 * order concurrent senders took. Requests that must change nothing go to the hostile tenant; edge cases a server
 * may accept go to the lenient tenant.
 */
public final class HostileRequests {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final long seed;
  private final HostileTargets targets;
  private final List<Function<Gen, WireRequest>> families = new ArrayList<>();
  private final int lenientPercent;

  /** {@code lenientPercent} of the requests go to the lenient tenant; 0 sends only requests that change nothing. */
  public HostileRequests(long seed, HostileTargets targets, int lenientPercent) {
    this.seed = seed;
    this.targets = targets;
    this.lenientPercent = lenientPercent;
    weigh(12, ScimFamilies::malformedJson);
    weigh(12, ScimFamilies::wrongType);
    weigh(6, ScimFamilies::controlCharacters);
    weigh(5, ScimFamilies::longStrings);
    weigh(6, ScimFamilies::invalidUtf8);
    weigh(12, ScimFamilies::filters);
    weigh(6, ScimFamilies::queryParameters);
    weigh(6, ScimFamilies::readOnlyPatch);
    weigh(5, ScimFamilies::badPatch);
    weigh(8, BulkFamily::bulk);
    weigh(4, ScimFamilies::methods);
    weigh(4, ScimFamilies::contentTypes);
    weigh(5, ScimFamilies::items);
    weigh(3, ScimFamilies::auth);
    weigh(3, ScimFamilies::discovery);
    weigh(2, ScimFamilies::conditional);
    if (targets.adminToken() != null) {
      weigh(10, AdminFamilies::admin);
    }
  }

  private void weigh(int weight, Function<Gen, WireRequest> family) {
    for (int i = 0; i < weight; i++) {
      families.add(family);
    }
  }

  public long seed() {
    return seed;
  }

  /** Request number {@code index}. */
  public WireRequest request(long index) {
    Random random = new Random(seed ^ (index * GOLDEN));
    boolean lenient = lenientPercent > 0 && random.nextInt(100) < lenientPercent;
    Gen gen = new Gen(index, random, targets, lenient);
    if (BigRequests.isBig(index)) {
      return BigRequests.big(new Gen(index, random, targets, false), new Gen(index, random, targets, true));
    }
    if (lenient && random.nextInt(100) < 40) {
      return LenientFamily.edge(gen);
    }
    return families.get(random.nextInt(families.size())).apply(gen);
  }
}
