package io.scimbus.runtime;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The PostgreSQL pool a service uses, from {@link ConfigKeys#PG_URI}. */
public final class PgPools {
  private PgPools() {
  }

  public static Pool create(Vertx vertx, ServiceConfig config) {
    PgConnectOptions connect = PgConnectOptions.fromUri(config.string(ConfigKeys.PG_URI))
        .setCachePreparedStatements(true)
        .setPipeliningLimit(16);
    PoolOptions pool = new PoolOptions().setMaxSize(config.integer(ConfigKeys.PG_POOL_SIZE)).setMaxWaitQueueSize(2048);
    return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
  }
}
