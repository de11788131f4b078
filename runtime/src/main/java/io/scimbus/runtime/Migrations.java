package io.scimbus.runtime;

import io.scimbus.runtime.bus.Deadline;
import io.scimbus.runtime.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations of one service. Scripts live on the classpath in {@code db/<service>/}, listed in
 * order by {@code db/<service>/index} (a jar cannot be listed portably). Each applied version is recorded in
 * {@code schema_migrations}; an advisory lock makes concurrent replicas apply them once.
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final String CREATE_TABLE = """
      CREATE TABLE IF NOT EXISTS schema_migrations (
        service text NOT NULL,
        version text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (service, version))""";
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('scimbus-migrations'))";
  private static final String APPLIED = "SELECT version FROM schema_migrations WHERE service = $1";
  private static final String RECORD = "INSERT INTO schema_migrations (service, version) VALUES ($1, $2)";

  private Migrations() {
  }

  public static Future<Void> apply(Vertx vertx, Pool pool, String service) {
    return readScripts(vertx, service).compose(scripts -> new Database(pool).transaction(Deadline.NONE,
        conn -> conn.query(LOCK).execute()
            .compose(v -> conn.query(CREATE_TABLE).execute())
            .compose(v -> conn.preparedQuery(APPLIED).execute(Tuple.of(service)))
            .compose(rows -> {
              Set<String> applied = new HashSet<>();
              for (Row row : rows) {
                applied.add(row.getString(0));
              }
              Future<Void> chain = Future.succeededFuture();
              for (Script script : scripts) {
                if (!applied.contains(script.version())) {
                  chain = chain.compose(v -> run(conn, service, script));
                }
              }
              return chain;
            })));
  }

  private static Future<Void> run(SqlConnection conn, String service, Script script) {
    LOG.info("service={} applying migration {}", service, script.version());
    return conn.query(script.sql()).execute()
        .compose(v -> conn.preparedQuery(RECORD).execute(Tuple.of(service, script.version())))
        .mapEmpty();
  }

  private static Future<List<Script>> readScripts(Vertx vertx, String service) {
    String folder = "db/" + service + "/";
    return vertx.fileSystem().readFile(folder + "index").compose(index -> {
      List<Future<Script>> scripts = new ArrayList<>();
      for (String line : index.toString().split("\n")) {
        String name = line.trim();
        if (!name.isEmpty() && !name.startsWith("#")) {
          scripts.add(vertx.fileSystem().readFile(folder + name).map(Buffer::toString)
              .map(sql -> new Script(name.substring(0, name.indexOf("__")), sql)));
        }
      }
      return Future.all(scripts).map(all -> all.<Script>list());
    });
  }

  private record Script(String version, String sql) {
  }
}
