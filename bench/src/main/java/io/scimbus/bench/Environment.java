package io.scimbus.bench;

import io.scimbus.devstack.KafkaBroker;
import io.scimbus.devstack.Postgres;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.Migrations;
import io.scimbus.runtime.PgPools;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceRunner;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The middleware every topology shares, started like the launcher does (devstack): one PostgreSQL, one Kafka, one
 * token secret; plus the pids the usage meter watches.
 */
final class Environment implements AutoCloseable {
  private static final int UNLIMITED = 1_000_000_000;

  final Postgres postgres;
  final KafkaBroker kafka;
  final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
  final String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
  final String webhookSecretKey = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
  final long postmasterPid;
  final long kafkaPid;
  final Pool pool;
  final int pgPoolSize;

  private Environment(Postgres postgres, KafkaBroker kafka, Pool pool, int pgPoolSize) {
    this.postgres = postgres;
    this.kafka = kafka;
    this.pool = pool;
    this.pgPoolSize = pgPoolSize;
    this.postmasterPid = postmasterPid(pool);
    this.kafkaPid = kafka.pid();
  }

  /** The postmaster of the server {@code pool} is connected to: the parent of a backend. */
  static long postmasterPid(Pool pool) {
    int backend = pool.query("SELECT pg_backend_pid()").execute().await().iterator().next().getInteger(0);
    return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
  }

  /** Starts PostgreSQL and Kafka and applies users-service's own migrations, so seeding sees its table shape. */
  static Environment start(Vertx vertx, Path workDir, int pgPoolSize) {
    Console.say("starting PostgreSQL and Kafka");
    Postgres postgres = Postgres.start();
    KafkaBroker kafka = KafkaBroker.start(workDir);
    // devstack registers no hooks of its own; an interrupted run must not leave the middleware running
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.close();
      postgres.close();
    }, "bench-middleware-stop"));
    ServiceConfig config = ServiceRunner.config(new JsonObject().put(ConfigKeys.PG_URI, postgres.uri())
        .put(ConfigKeys.PG_POOL_SIZE, pgPoolSize));
    Pool pool = PgPools.create(vertx, config);
    Migrations.apply(vertx, config, "users").await();
    return new Environment(postgres, kafka, pool, pgPoolSize);
  }

  /**
   * Vacuums, analyses and checkpoints the shared database, so the background work left by what was written before
   * (seeding a million rows; the steady state updating them) does not run during the next measured runs. A run that
   * measured the SQL ceiling right after seeding without this got a fifth less than the runs before it.
   */
  void settle() {
    Console.say("vacuuming and checkpointing the shared database");
    pool.query("VACUUM ANALYZE").execute().await();
    pool.query("CHECKPOINT").execute().await();
  }

  /** What every service JVM gets in its environment. */
  Map<String, String> serviceEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ConfigKeys.PG_URI, postgres.uri());
    env.put(ConfigKeys.PG_POOL_SIZE, Integer.toString(pgPoolSize));
    env.put(ConfigKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    env.put(ConfigKeys.JWT_SECRET, secret);
    env.put(ConfigKeys.ADMIN_TOKEN, adminToken);
    env.put(ConfigKeys.WEBHOOK_SECRET_KEYS, "bench:" + webhookSecretKey);
    // the per-tenant rate limit protects production; here it would cap every figure at the limit, not the machine
    env.put(ConfigKeys.RATE_LIMIT_PER_SECOND, Integer.toString(UNLIMITED));
    env.put(ConfigKeys.RATE_LIMIT_BURST, Integer.toString(UNLIMITED));
    return env;
  }

  /** A pool on a fresh database of the same server, with users-service's tables, for the SQL ceiling. */
  Pool ceilingDatabase(Vertx vertx, String database) {
    pool.query("DROP DATABASE IF EXISTS " + database).execute().await();
    pool.query("CREATE DATABASE " + database).execute().await();
    String uri = postgres.uri().replaceAll("/postgres$", "/" + database);
    ServiceConfig config = ServiceRunner.config(new JsonObject().put(ConfigKeys.PG_URI, uri)
        .put(ConfigKeys.PG_POOL_SIZE, pgPoolSize));
    Pool ceiling = PgPools.create(vertx, config);
    Migrations.apply(vertx, config, "users").await();
    return ceiling;
  }

  /** Meters these JVMs plus PostgreSQL, Kafka and the load generator itself. */
  UsageMeter meter(Map<String, Long> jvms) {
    Map<String, Long> processes = new LinkedHashMap<>(jvms);
    processes.put("kafka", kafkaPid);
    processes.put("load generator", ProcessHandle.current().pid());
    return new UsageMeter(processes, Map.of("postgresql", postmasterPid));
  }

  @Override
  public void close() {
    pool.close();
    kafka.close();
    postgres.close();
  }
}
