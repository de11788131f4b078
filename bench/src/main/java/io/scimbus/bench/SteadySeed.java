package io.scimbus.bench;

import io.scimbus.bench.workload.SeededUsers;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Seeds a large tenant straight into PostgreSQL: over HTTP a million creates would take hours on this machine, and
 * steady-state figures need the table and its indexes at that size, not the path that filled them. Rows match what
 * users-service writes (indexed columns plus the canonical resource as jsonb); ids follow {@link SeededUsers}.
 */
final class SteadySeed {
  private static final int CHUNK = 100_000;
  private static final String COUNT = "SELECT count(*) FROM scim_users WHERE tenant_id = $1";
  private static final String INSERT = """
      INSERT INTO scim_users (tenant_id, id, user_name, external_id, display_name, active, resource, version,
                              created, last_modified)
      SELECT $1, md5($1 || '-' || n)::uuid, 'user' || n || '@' || $1 || '.example', 'ext-' || n, 'Seeded ' || n, true,
             jsonb_build_object(
               'schemas', jsonb_build_array('urn:ietf:params:scim:schemas:core:2.0:User'),
               'userName', 'user' || n || '@' || $1 || '.example',
               'externalId', 'ext-' || n,
               'displayName', 'Seeded ' || n,
               'active', true,
               'name', jsonb_build_object('givenName', 'Seeded', 'familyName', 'n' || n),
               'emails', jsonb_build_array(jsonb_build_object(
                 'value', 'user' || n || '@' || $1 || '.example', 'type', 'work', 'primary', true))),
             1, now(), now()
      FROM generate_series($2::bigint, $3::bigint) AS n
      ON CONFLICT DO NOTHING""";

  private SteadySeed() {
  }

  /** Inserts the missing rows of {@code users} (a re-run on the same database seeds nothing), then analyzes. */
  static long seed(Pool pool, SeededUsers users) {
    long present = pool.preparedQuery(COUNT).execute(Tuple.of(users.tenant())).await().iterator().next().getLong(0);
    if (present >= users.count()) {
      return 0;
    }
    long start = System.nanoTime();
    for (long from = 0; from < users.count(); from += CHUNK) {
      long to = Math.min(from + CHUNK, users.count()) - 1;
      pool.preparedQuery(INSERT).execute(Tuple.of(users.tenant(), from, to)).await();
      Console.say("seeded " + (to + 1) + " / " + users.count() + " users");
    }
    pool.query("ANALYZE scim_users").execute().await();
    return System.nanoTime() - start;
  }
}
