package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import io.scimbus.devstack.Eventually;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.testsupport.NotifierEvents;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimClient.Response;
import io.scimbus.testsupport.ScimbusCluster;
import io.scimbus.devstack.TestInfrastructure;
import io.scimbus.testsupport.hostile.HostileLoad;
import io.scimbus.testsupport.hostile.HostileRequests;
import io.scimbus.testsupport.hostile.HostileTargets;
import io.scimbus.testsupport.hostile.WireRequest;
import io.scimbus.testsupport.hostile.WireResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Generative fuzz test: thousands of seeded hostile requests (malformed JSON, wrong types, invalid UTF-8, control
 * characters, oversized values, hostile filters, readOnly PATCH paths, circular bulk references, odd methods, media
 * types and parameters) at every SCIM and admin endpoint. No answer may be a 5xx or a 4xx without a SCIM error body
 * or leak internals; the hostile tenant's stored rows must be exactly as before; and afterwards another tenant is
 * served normally and every outbox drains. Every failure is collected and reported grouped, with a reproducer each.
 *
 * <p>System properties: {@code fuzz.seed} ({@value #DEFAULT_SEED}, printed), {@code fuzz.requests} (10000),
 * {@code fuzz.concurrency} (12), {@code fuzz.maxSeconds} (600, a bound for a wedged run).
 */
class HostileInputFuzzIT {
  private static final ScimbusCluster CLUSTER = ScimbusCluster.shared();
  /** Fixed, so the normal test command sends the same requests every time; -Dfuzz.seed explores others. */
  private static final long DEFAULT_SEED = 20_261_202L;
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration READ_TIMEOUT = DEADLINE.multipliedBy(2);
  private static final int LENIENT_PERCENT = 15;
  private static final int SEEDED_USERS = 6;
  private static final int SEEDED_GROUPS = 3;

  @Test
  void hostileInputsAreRefusedCleanlyChangeNothingAndHurtNoOtherTenant() throws IOException {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    long requests = Long.getLong("fuzz.requests", 10_000);
    int concurrency = Integer.getInteger("fuzz.concurrency", 12);
    Duration maxTime = Duration.ofSeconds(Long.getLong("fuzz.maxSeconds", 600));
    String rerun = "seed " + seed + " (rerun: -Dfuzz.seed=" + seed + " -Dfuzz.requests=" + requests + ")";
    System.out.println("HostileInputFuzzIT " + rerun);
    Path report = Path.of("target", "hostile-fuzz-failures.txt");
    Files.deleteIfExists(report);

    String marker = "fz-" + UUID.randomUUID().toString().substring(0, 13);
    ScimClient hostile = onboard(marker);
    ScimClient victim = onboard(marker + "-victim");
    ScimClient lenient = onboard("lz-" + marker.substring(3));
    HostileTargets targets = new HostileTargets(scimPrefix(hostile), seed(hostile), seed(lenient), seed(victim),
        CLUSTER.admin().token());
    // On the gateway under test the rate limit is lifted, so every request reaches the code it aims at instead of a
    // 429, and the deadline is long, so a slow shared machine cannot turn a refusal into a 503: this test is about
    // what an answer says, not how fast it comes (a wedged service still shows, as 503s and a run out of time).
    String gateway = CLUSTER.startExtraGateway(new JsonObject()
        .put(ConfigKeys.RATE_LIMIT_PER_SECOND, 1_000_000).put(ConfigKeys.RATE_LIMIT_BURST, 1_000_000)
        .put(ConfigKeys.BUS_TIMEOUT_MS, DEADLINE.toMillis()));
    URI gatewayUri = URI.create(gateway);

    String hostileScim = URI.create(hostile.baseUrl()).getPath() + "/";
    FailureCatalogue failures = new FailureCatalogue(names(hostile, victim, lenient));
    try (TenantRows rows = new TenantRows(TestInfrastructure.get().pgUri())) {
      awaitSettled(rows, marker, targets);
      Map<String, List<String>> before = rows.snapshot(marker);

      Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
      HostileLoad.Outcome outcome = HostileLoad.run(new HostileRequests(seed, targets, LENIENT_PERCENT),
          gatewayUri.getHost(), gatewayUri.getPort(), requests, concurrency, maxTime, READ_TIMEOUT,
          new HostileLoad.Listener() {
            @Override
            public void answered(WireRequest request, WireResponse response) {
              statuses.computeIfAbsent(request.expect() + " " + response.status(), k -> new LongAdder()).increment();
              AnswerCheck.check(request, response, hostileScim).forEach(failure -> failures.add(failure.kind(),
                  request.kase() + " -> " + response.status(), request, failure.detail()));
            }

            @Override
            public void unanswered(WireRequest request, IOException failure) {
              failures.add("no answer", request == null ? "harness" : request.kase(), request, failure.toString());
            }
          });
      System.out.printf("HostileInputFuzzIT: %d requests in %.1f s; answers by expectation and status: %s%n",
          outcome.sent(), outcome.seconds(), new TreeMap<>(statuses));
      if (outcome.outOfTime()) {
        failures.add("run out of time", "only " + outcome.sent() + " of " + requests + " requests were answered within "
            + maxTime.toSeconds() + " s", null, "the service is too slow or wedged");
      }

      otherTenantsAreServed(failures);
      outboxesDrain(rows, failures);
      Response stillThere = hostile.get("/Users");
      if (stillThere.status() != 200) {
        failures.add("hostile tenant lost", "its token or its users are gone", null, stillThere.toString());
      }
      List<String> changed = TenantRows.diff(before, rows.snapshot(marker));
      for (String change : changed.subList(0, Math.min(changed.size(), 20))) {
        failures.add("stored rows changed by refused requests", change.substring(0, change.indexOf(' ')), null,
            change);
      }
    }
    if (!failures.isEmpty()) {
      String text = "HostileInputFuzzIT " + rerun + ": " + failures.total() + " failures\n" + failures.render();
      Files.createDirectories(report.getParent());
      Files.writeString(report, text);
      fail(text);
    }
  }

  private static ScimClient onboard(String tenant) {
    Response created = CLUSTER.admin().post("/tenants", new JsonObject().put("id", tenant));
    if (created.status() != 201) {
      throw new IllegalStateException("onboarding " + tenant + " failed: " + created);
    }
    return new ScimClient(created.json().getString("scimBaseUrl"), CLUSTER.tokenFor(tenant), tenant);
  }

  /** Users and groups that exist before the run, as targets of item routes. */
  private static HostileTargets.Tenant seed(ScimClient scim) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < SEEDED_USERS; i++) {
      String userName = "seed" + i + "@fuzz.example";
      users.add(created(scim.post("/Users", new JsonObject().put("userName", userName).put("displayName", "Seed " + i)
          .put("emails", new JsonArray().add(new JsonObject().put("value", userName).put("type", "work"))))));
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < SEEDED_GROUPS; i++) {
      groups.add(created(scim.post("/Groups", new JsonObject().put("displayName", "Seed group " + i)
          .put("members", new JsonArray().add(new JsonObject().put("value", users.get(i)))
              .add(new JsonObject().put("value", users.get(i + 1)))))));
    }
    return new HostileTargets.Tenant(scim.tenant(), scim.token(), users, groups);
  }

  private static String created(Response response) {
    if (response.status() != 201) {
      throw new IllegalStateException("seeding failed: " + response);
    }
    return response.json().getString("id");
  }

  private static String scimPrefix(ScimClient scim) {
    String path = URI.create(scim.baseUrl()).getPath();
    return path.substring(0, path.length() - scim.tenant().length() - 1);
  }

  /** Waits until the seeding's events reached the notifier and left the outboxes, so the snapshot holds still. */
  private static void awaitSettled(TenantRows rows, String marker, HostileTargets targets) {
    for (HostileTargets.Tenant tenant : List.of(targets.hostile(), targets.victim())) {
      NotifierEvents events = new NotifierEvents(CLUSTER, tenant.id());
      tenant.userIds().forEach(events::await);
      tenant.groupIds().forEach(events::await);
    }
    Eventually.await(PATIENCE, () -> rows.snapshot(marker).keySet(),
        tables -> tables.stream().noneMatch(table -> table.endsWith("outbox")));
  }

  /** A brand-new tenant, through the main gateway: reads, writes, events and its provisioning log all work. */
  private static void otherTenantsAreServed(FailureCatalogue failures) {
    try {
      ScimClient other = CLUSTER.newTenant();
      expect(failures, "GET /Users", other.get("/Users" + ScimClient.query("filter", "userName eq \"x\"")), 200);
      Response user = other.post("/Users", new JsonObject().put("userName", "after@fuzz.example"));
      if (!expect(failures, "POST /Users", user, 201)) {
        return;
      }
      String id = user.json().getString("id");
      expect(failures, "GET /Groups", other.get("/Groups"), 200);
      expect(failures, "POST /Groups", other.post("/Groups", new JsonObject().put("displayName", "after")
          .put("members", new JsonArray().add(new JsonObject().put("value", id)))), 201);
      new NotifierEvents(CLUSTER, other.tenant()).await(id);
      Eventually.await(PATIENCE, () -> CLUSTER.admin().get("/tenants/" + other.tenant() + "/provisioning-log").json(),
          log -> log.getInteger("totalResults", 0) >= 2);
    } catch (AssertionError | RuntimeException e) {
      failures.add("another tenant is not served after the run", e.getClass().getSimpleName(), null, e.getMessage());
    }
  }

  /** Every event the run's accepted writes queued leaves its outbox: no row stops a relay, nothing is left behind. */
  private static void outboxesDrain(TenantRows rows, FailureCatalogue failures) {
    try {
      Eventually.await(PATIENCE, rows::outboxBacklog, backlog -> backlog == 0);
    } catch (AssertionError e) {
      failures.add("outboxes do not drain after the run", "rows left in outboxes", null, e.getMessage());
    }
  }

  private static boolean expect(FailureCatalogue failures, String what, Response response, int status) {
    if (response.status() == status) {
      return true;
    }
    failures.add("another tenant is not served after the run", what, null, response.toString());
    return false;
  }

  private static Map<String, String> names(ScimClient... tenants) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(CLUSTER.admin().token(), "<admin token>");
    String[] labels = {"hostile", "victim", "lenient"};
    for (int i = 0; i < tenants.length; i++) {
      names.put(tenants[i].token(), "<" + labels[i] + " token>");
    }
    // the victim's id contains the hostile one's, so it is replaced first
    names.put(tenants[1].tenant(), "{victim}");
    names.put(tenants[0].tenant(), "{hostile}");
    names.put(tenants[2].tenant(), "{lenient}");
    return names;
  }
}
