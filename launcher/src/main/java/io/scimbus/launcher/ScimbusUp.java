package io.scimbus.launcher;

import io.scimbus.devstack.FreePorts;
import io.scimbus.devstack.KafkaBroker;
import io.scimbus.devstack.Postgres;
import io.scimbus.gateway.GatewayMain;
import io.scimbus.groups.GroupsMain;
import io.scimbus.notifier.NotifierMain;
import io.scimbus.policy.PolicyMain;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.ServiceConfig;
import io.scimbus.runtime.ServiceRunner;
import io.scimbus.users.UsersMain;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./scimbus up}: a throwaway PostgreSQL and Kafka on loopback, then every service, clustered over Hazelcast
 * on loopback, all in this JVM (each in its own with {@code --jvm-per-service}). Onboards the tenant {@code demo}
 * through the admin API, as an operator would; prints its SCIM base URL and token and the admin token, writes them
 * to {@code .scimbus/scimbus.env}. It supervises the Kafka broker and the service JVMs (a child that dies is said
 * and started again, see {@link SupervisedChild}), and on Ctrl-C or SIGTERM stops everything it started in the
 * reverse order: the gateway, the services, Kafka, PostgreSQL.
 */
public final class ScimbusUp {
  static final String DEMO_TENANT = "demo";
  private static final List<String> MODULES = List.of("users-service", "groups-service", "policy-service",
      "notifier-service", "gateway");

  private ScimbusUp() {
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path home = Path.of("").toAbsolutePath();
    Path stateDir = Files.createDirectories(home.resolve(".scimbus"));
    Path runDir = Files.createTempDirectory("scimbus-run-");
    Path logDir = Files.createDirectories(stateDir.resolve("logs"));
    List<AutoCloseable> started = new CopyOnWriteArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "scimbus-down"));
    started.add(() -> deleteTree(runDir));

    say("starting PostgreSQL and Kafka");
    CompletableFuture<Postgres> postgresStart = inBackground("start-postgres", Postgres::start);
    started.add(stopping("PostgreSQL", () -> closeOnceStarted(postgresStart)));
    KafkaBroker kafka = KafkaBroker.prepare(runDir);
    CompletableFuture<SupervisedChild> kafkaStart = inBackground("start-kafka",
        () -> SupervisedChild.start(kafka, RestartBackoff.DEFAULT.copy(), ScimbusUp::say));
    started.add(stopping(kafka.name(), () -> closeOnceStarted(kafkaStart)));
    Postgres postgres = postgresStart.join();
    kafkaStart.join();
    say("PostgreSQL and Kafka ready");

    int httpPort = httpPort(options.port());
    String baseUrl = "http://127.0.0.1:" + httpPort;
    String secret = randomSecret();
    String adminToken = randomSecret();
    Map<String, String> env = new LinkedHashMap<>();
    env.put(ConfigKeys.PG_URI, postgres.uri());
    env.put(ConfigKeys.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    env.put(ConfigKeys.CLUSTER_NAME, "scimbus-dev-" + ProcessHandle.current().pid());
    env.put(ConfigKeys.CLUSTER_PORT, Integer.toString(FreePorts.next()));
    env.put(ConfigKeys.HTTP_HOST, "127.0.0.1");
    env.put(ConfigKeys.HTTP_PORT, Integer.toString(httpPort));
    env.put(ConfigKeys.PUBLIC_BASE_URL, baseUrl);
    env.put(ConfigKeys.JWT_SECRET, secret);
    env.put(ConfigKeys.ADMIN_TOKEN, adminToken);
    env.put(ConfigKeys.WEBHOOK_SECRET_KEYS, "k1:" + Base64.getEncoder().encodeToString(HexFormat.of()
        .parseHex(randomSecret())));
    // a developer points webhooks at a receiver on this machine
    env.put(ConfigKeys.WEBHOOK_ALLOWED_NETWORKS, "127.0.0.0/8,::1/128");

    // One JVM by default: on a laptop's few cores five JVMs each load, compile and warm the same code, which took
    // 59 s to start and halved the Entra sync rate on 2 cores (BENCHMARKS.md); Kubernetes runs a JVM per service.
    if (!options.jvmPerService()) {
      say("starting all services in this JVM");
      ServiceRunner.Running running = ServiceRunner.start(oneJvmConfig(System.getenv(), env),
          List.of(UsersMain.DEFINITION, GroupsMain.DEFINITION, PolicyMain.DEFINITION, NotifierMain.DEFINITION,
              GatewayMain.DEFINITION)).await();
      started.add(stopping("the services", () -> running.vertx().close().await()));
    } else {
      startServices(home, env, logDir, started);
    }

    say("onboarding tenant " + DEMO_TENANT + " through the admin API");
    String adminUrl = baseUrl + "/admin/v1";
    JsonObject tenant = admin(adminUrl + "/tenants", adminToken,
        new JsonObject().put("id", DEMO_TENANT).put("displayName", "Demo"));
    String scimBase = tenant.getString("scimBaseUrl");
    String token = admin(adminUrl + "/tenants/" + DEMO_TENANT + "/tokens", adminToken,
        new JsonObject().put("description", "scimbus up")).getString("token");
    Path dotenv = stateDir.resolve("scimbus.env");
    Files.writeString(dotenv, "SCIMBUS_BASE_URL=" + scimBase + "\nSCIMBUS_TOKEN=" + token
        + "\nSCIMBUS_ADMIN_URL=" + adminUrl + "\n" + ConfigKeys.ADMIN_TOKEN + "=" + adminToken + "\n");
    System.out.println();
    System.out.println("scimbus is up.");
    System.out.println("  SCIM base URL : " + scimBase);
    System.out.println("  Bearer token  : " + token);
    System.out.println("  Admin API     : " + adminUrl + " (OpenAPI: " + adminUrl + "/openapi.yaml)");
    System.out.println("  Admin token   : " + adminToken);
    System.out.println("  Console       : " + baseUrl + "/console (log in with the admin token)");
    System.out.println("  Written to    : " + home.relativize(dotenv));
    System.out.println("  Try           : source .scimbus/scimbus.env && curl -s -H \"Authorization: Bearer $SCIMBUS_TOKEN\" \"$SCIMBUS_BASE_URL/Users\"");
    System.out.println("Press Ctrl-C to stop everything.");
    new CountDownLatch(1).await();
  }

  /**
   * Every service JVM at once: each joins the cluster and the gateway answers 503 for a service not there yet, so
   * none waits for another, and on two cores their start-up (class loading, Hazelcast join, migrations) overlaps.
   * Each is stopped in the reverse order of {@link #MODULES}, whether it is up, still starting, or failed to.
   */
  private static void startServices(Path home, Map<String, String> env, Path logDir, List<AutoCloseable> started) {
    say("starting " + String.join(", ", MODULES));
    List<CompletableFuture<SupervisedChild>> launches = new ArrayList<>();
    for (String module : MODULES) {
      ServiceProcess service = ServiceProcess.of(home, module, env, logDir);
      CompletableFuture<SupervisedChild> launch = inBackground("start-" + module, () -> {
        SupervisedChild supervised = SupervisedChild.start(service, RestartBackoff.DEFAULT.copy(), ScimbusUp::say);
        say(module + " ready (pid " + supervised.pid() + ", health http://127.0.0.1:" + service.healthPort()
            + "/health/ready, log " + home.relativize(service.log()) + ")");
        return supervised;
      });
      launches.add(launch);
      started.add(stopping(module, () -> {
        if (!launch.isDone() || launch.isCompletedExceptionally()) {
          // a launch under way fails at once; one that failed may have left its JVM running
          service.stop();
        }
        closeOnceStarted(launch);
      }));
    }
    launches.forEach(CompletableFuture::join);
  }

  /**
   * The configuration of services run in this JVM, read exactly as a service JVM reads its own: defaults, the
   * {@link ConfigKeys#CONFIG_FILE} file, then the environment it would be started with, which is this process's
   * environment with the launcher's settings on top.
   */
  static ServiceConfig oneJvmConfig(Map<String, String> inherited, Map<String, String> launcher) {
    Map<String, String> environment = new HashMap<>(inherited);
    environment.putAll(launcher);
    return ServiceRunner.loadConfig(environment);
  }

  private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(task.get());
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** Waits for a start under way and closes what it started; nothing when it failed. */
  private static void closeOnceStarted(CompletableFuture<? extends AutoCloseable> start) throws Exception {
    AutoCloseable startedThing = start.exceptionally(failure -> null).join();
    if (startedThing != null) {
      startedThing.close();
    }
  }

  private static String randomSecret() {
    return HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
  }

  /** POSTs to the admin API and returns the 201 body; anything else stops the launcher. */
  private static JsonObject admin(String url, String adminToken, JsonObject body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("admin API " + url + " answered " + response.statusCode() + " "
          + response.body());
    }
    return new JsonObject(response.body());
  }

  /** The requested port when free; otherwise any free one, said out loud. */
  private static int httpPort(int requested) {
    try (ServerSocket probe = new ServerSocket(requested, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      int port = FreePorts.next();
      say("port " + requested + " is taken; the gateway uses " + port);
      return port;
    }
  }

  /**
   * In the reverse order of start: the gateway (no new requests), the other services (they need the middleware to
   * leave cleanly), Kafka, PostgreSQL. Each stop waits for its process, up to its deadline.
   */
  private static void stopAll(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("stop failed: " + e);
      }
    }
  }

  private static AutoCloseable stopping(String name, AutoCloseable stop) {
    return () -> {
      say("stopping " + name);
      stop.close();
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void say(String line) {
    System.out.println("[scimbus] " + line);
  }

  /** Command-line options of {@code up}. */
  record Options(boolean jvmPerService, int port) {
    static Options parse(String[] args) {
      boolean jvmPerService = false;
      int port = 8080;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "up" -> { }
          case "--jvm-per-service" -> jvmPerService = true;
          case "--port" -> port = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; usage: scimbus up [--jvm-per-service] [--port N]");
        }
      }
      return new Options(jvmPerService, port);
    }
  }
}
