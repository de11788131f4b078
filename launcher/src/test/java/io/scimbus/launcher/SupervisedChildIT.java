package io.scimbus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.devstack.ChildProcesses;
import io.scimbus.devstack.FreePorts;
import io.scimbus.devstack.Restartable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A supervised child killed with SIGKILL is said dead, started again, and serves again on its port. */
class SupervisedChildIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int port = FreePorts.next();
  private final URI url = URI.create("http://127.0.0.1:" + port + "/");
  private final List<String> said = new CopyOnWriteArrayList<>();

  @Test
  void aKilledChildIsRestartedAndServesAgain() throws Exception {
    HttpChildProcess child = new HttpChildProcess(port, Files.createTempFile("http-child", ".log"));
    RestartBackoff quick = new RestartBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60));
    SupervisedChild supervised = SupervisedChild.start(child, quick, said::add);
    try {
      long first = servingPid();
      assertEquals(first, supervised.pid());

      ProcessHandle.of(first).orElseThrow().destroyForcibly();

      long second = awaitServedByAnotherPid(first);
      assertNotEquals(first, second);
      awaitSaid("http-child restarted (pid " + second + ")");
      assertEquals(second, supervised.pid());
      assertTrue(said.stream().anyMatch(line -> line.startsWith("http-child (pid " + first
          + ") died with exit code 137 (signal 9) after ")), said.toString());
    } finally {
      supervised.close();
    }
    assertFalse(ProcessHandle.of(supervised.pid()).map(ProcessHandle::isAlive).orElse(false), "stopped child alive");
    assertEquals(1, said.stream().filter(line -> line.contains(" died ")).count(),
        "a stop it asked for is no death: " + said);
  }

  private long awaitServedByAnotherPid(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        long serving = servingPid();
        if (serving != pid) {
          return serving;
        }
      } catch (IOException e) {
        // between the death and the restart nothing listens
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not served by a new process within " + PATIENCE + "; said " + said);
  }

  private void awaitSaid(String line) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!said.contains(line)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never said \"" + line + "\"; said " + said);
      }
      Thread.sleep(50);
    }
  }

  private long servingPid() throws IOException, InterruptedException {
    HttpRequest get = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
    return Long.parseLong(HTTP.send(get, HttpResponse.BodyHandlers.ofString()).body());
  }

  /** {@link HttpChild} in a JVM of its own, started from this test's classes. */
  private static final class HttpChildProcess implements Restartable {
    private final int port;
    private final Path log;
    private volatile Process process;

    HttpChildProcess(int port, Path log) {
      this.port = port;
      this.log = log;
    }

    @Override
    public String name() {
      return "http-child";
    }

    @Override
    public Process launch() {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      try {
        process = new ProcessBuilder(ChildProcesses.inOwnSession(List.of(java, "-Xmx32m", "-cp", testClasses(),
            HttpChild.class.getName(), Integer.toString(port))))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChildProcesses.awaitHttp(process, name(), log, URI.create("http://127.0.0.1:" + port + "/"), PATIENCE);
      return process;
    }

    @Override
    public void stop() {
      ChildProcesses.stop(process, Duration.ofSeconds(10));
    }

    private static String testClasses() {
      try {
        return Path.of(HttpChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
