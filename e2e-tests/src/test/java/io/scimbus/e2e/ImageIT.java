package io.scimbus.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.runtime.ConfigKeys;
import io.scimbus.runtime.HealthServer;
import io.scimbus.testsupport.ScimClient;
import io.scimbus.testsupport.ScimbusCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The users-service image Jib built in this build ({@code users-service/target/jib-image.tar}) runs as a container
 * runtime would run it: its layers unpacked into a root file system, its entrypoint, environment, user and working
 * directory taken from the image's own configuration, in a mount and PID namespace of its own with {@code /proc} and
 * {@code /dev}, and nothing of this machine's Java. It joins a test cluster and serves a SCIM request.
 */
class ImageIT {
  private static final Path IMAGE = Path.of("../users-service/target/jib-image.tar");
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static ScimbusCluster cluster;
  private static Path unpacked;

  @BeforeAll
  static void unpack() throws Exception {
    Assumptions.assumeTrue(System.getProperty("user.name").equals("root"),
        "running an image needs root to change root (CI runs as root)");
    assertTrue(Files.isRegularFile(IMAGE), IMAGE + " is missing: users-service's package phase builds it");
    unpacked = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "image-");
    run("tar", "-xf", IMAGE.toString(), "-C", unpacked.toString());
    cluster = ScimbusCluster.isolated(List.of(ScimbusCluster.GATEWAY, ScimbusCluster.POLICY), new JsonObject());
  }

  @AfterAll
  static void clean() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    if (unpacked != null) {
      try (Stream<Path> files = Files.walk(unpacked)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void theImageRunsUsersServiceAsItsNonRootUserWithItsOwnJava() throws Exception {
    JsonObject image = new JsonArray(Files.readString(unpacked.resolve("manifest.json"))).getJsonObject(0);
    assertEquals("scimbus/users-service:0.1.0", image.getJsonArray("RepoTags").getString(0),
        "the name k8s/base/deployment-users-service.yaml pulls");
    JsonObject config = new JsonObject(Files.readString(unpacked.resolve(image.getString("Config"))))
        .getJsonObject("config");
    assertEquals("10001:10001", config.getString("User"));
    List<String> entrypoint = config.getJsonArray("Entrypoint").stream().map(Object::toString).toList();
    assertTrue(entrypoint.contains("-XX:MaxRAMPercentage=75"), entrypoint.toString());

    Path root = unpacked.resolve("rootfs");
    Files.createDirectories(root);
    for (Object layer : image.getJsonArray("Layers")) {
      run("tar", "-xzf", unpacked.resolve(layer.toString()).toString(), "-C", root.toString());
    }
    Files.createDirectories(root.resolve("proc"));
    Files.createDirectories(root.resolve("dev"));
    assertTrue(Files.isExecutable(root.resolve("opt/java/bin/java")), "the image brings its own Java");

    int healthPort = FreePorts.next();
    Path log = unpacked.resolve("users-service.log");
    ProcessBuilder container = new ProcessBuilder(containerCommand(root, config, entrypoint))
        .redirectErrorStream(true).redirectOutput(log.toFile());
    container.environment().clear();
    for (Object variable : config.getJsonArray("Env")) {
      String[] pair = variable.toString().split("=", 2);
      container.environment().put(pair[0], pair[1]);
    }
    cluster.config().toJson().forEach(e -> container.environment().put(e.getKey(), String.valueOf(e.getValue())));
    container.environment().put(ConfigKeys.HEALTH_PORT, Integer.toString(healthPort));
    Process users = container.start();
    try {
      ChildProcesses.awaitHttp(users, "users-service image", log,
          URI.create("http://127.0.0.1:" + healthPort + HealthServer.READY), PATIENCE);
      ScimClient scim = cluster.newTenant();
      ScimClient.Response created = scim.post("/Users", new JsonObject()
          .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
          .put("userName", "from-the-image"));
      assertEquals(201, created.status(), created.toString());

      // A container runtime stops a pod by signalling the container's PID 1, which here is the JVM itself.
      users.descendants().forEach(ProcessHandle::destroy);
      assertTrue(users.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS),
          "users-service, PID 1 of its container, did not stop on SIGTERM within " + STOP_GRACE + "; see " + log);
    } finally {
      // unshare's --kill-child never reaches the JVM: the setuid into the image's user clears the parent-death
      // signal, so a JVM left running would outlive the test.
      users.descendants().forEach(ProcessHandle::destroyForcibly);
      ChildProcesses.stop(users, STOP_GRACE);
    }
  }

  /**
   * {@code /dev} and a fresh {@code /proc} mounted into {@code root} in a mount namespace of its own (gone with the
   * process), then the entrypoint run as the image's user in its working directory with {@code root} as {@code /}; as
   * PID 1 of its PID namespace, like in a container.
   */
  private static List<String> containerCommand(Path root, JsonObject config, List<String> entrypoint) {
    String[] user = config.getString("User").split(":");
    String dir = root.toAbsolutePath().toString();
    List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
        "--kill-child=SIGTERM", "/bin/sh", "-c",
        "/usr/bin/mount --rbind /dev " + dir + "/dev && /usr/bin/mount -t proc proc " + dir + "/proc"
            + " && exec /usr/bin/unshare --root=" + dir + " --wd=" + config.getString("WorkingDir")
            + " --setgid=" + user[1] + " --setuid=" + user[0] + " -- \"$@\"",
        "container"));
    command.addAll(entrypoint);
    return command;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
  }
}
