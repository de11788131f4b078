package io.scimbus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a service JVM around one workload (started and stopped with jcmd, so the service needs no
 * hook), summarised from its {@code jdk.ExecutionSample} events: CPU samples by layer and the hottest frames.
 */
final class JfrProfile {
  /** Package prefixes to layers; a sample goes to the layer of its topmost frame outside the JDK. */
  private static final Map<String, String> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("io.scimbus.gateway", "gateway (scimbus)");
    LAYERS.put("io.vertx.ext.auth", "JWT authentication");
    LAYERS.put("io.vertx.ext.jwt", "JWT authentication");
    LAYERS.put("io.vertx.ext.web", "vertx-web router and body handler");
    LAYERS.put("com.hazelcast", "Hazelcast cluster manager");
    LAYERS.put("io.vertx.spi.cluster", "Hazelcast cluster manager");
    LAYERS.put("io.vertx.core.eventbus", "event bus");
    LAYERS.put("io.vertx.pgclient", "PostgreSQL client");
    LAYERS.put("io.vertx.sqlclient", "PostgreSQL client");
    LAYERS.put("com.fasterxml.jackson", "JSON (Jackson)");
    LAYERS.put("io.vertx.core.json", "JSON (Jackson)");
    LAYERS.put("org.apache.kafka", "Kafka client (outbox relay)");
    LAYERS.put("io.vertx.kafka", "Kafka client (outbox relay)");
    LAYERS.put("io.micrometer", "metrics (Micrometer)");
    LAYERS.put("io.vertx.micrometer", "metrics (Micrometer)");
    LAYERS.put("io.netty", "Netty I/O and HTTP codec");
    LAYERS.put("io.vertx.core.http", "Vert.x HTTP");
    LAYERS.put("io.vertx.core.net", "Netty I/O and HTTP codec");
    LAYERS.put("io.vertx", "Vert.x core (other)");
    LAYERS.put("io.scimbus", "scimbus services and runtime");
  }

  private final long pid;
  private final Path file;

  private JfrProfile(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  /**
   * Starts recording. Starting JFR in a running JVM makes it recompile much of its hot code, so the recording must
   * begin before the warm-up; {@link #stop} then summarises only the measured window.
   */
  static JfrProfile start(long pid, Path file) {
    jcmd(pid, "JFR.start", "name=bench", "settings=" + settings(file.resolveSibling("bench.jfc")),
        "filename=" + file);
    return new JfrProfile(pid, file);
  }

  /** Execution samples, every JIT compilation and GC pauses only: nothing that instruments classes. */
  private static Path settings(Path target) {
    String settings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration version="2.0" label="scimbus bench">
          <event name="jdk.ExecutionSample"><setting name="enabled">true</setting>\
        <setting name="period">10 ms</setting></event>
          <event name="jdk.Compilation"><setting name="enabled">true</setting>\
        <setting name="threshold">0 ms</setting></event>
          <event name="jdk.GarbageCollection"><setting name="enabled">true</setting>\
        <setting name="threshold">0 ms</setting></event>
        </configuration>
        """;
    try {
      return Files.writeString(target, settings);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JFR settings " + target, e);
    }
  }

  /** Stops recording and summarises the events between {@code from} and {@code to}. */
  Summary stop(Instant from, Instant to) {
    jcmd(pid, "JFR.stop", "name=bench");
    return summarize(file, from, to);
  }

  /**
   * Sample counts per layer, per thread (numbers folded, so the event loops are one row) and per hottest frame,
   * largest first; and the time spent in GC pauses and JIT compilations, which execution samples never show.
   */
  record Summary(long samples, Map<String, Long> layers, Map<String, Long> threads, Map<String, Long> topFrames,
      double gcPauseMillis, double jitMillis, double seconds) {
  }

  static Summary summarize(Path file, Instant from, Instant to) {
    Map<String, Long> layers = new HashMap<>();
    Map<String, Long> frames = new HashMap<>();
    Map<String, Long> threads = new HashMap<>();
    long samples = 0;
    double gcPause = 0;
    double jit = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
          continue;
        }
        String type = event.getEventType().getName();
        if ("jdk.GarbageCollection".equals(type)) {
          gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
        } else if ("jdk.Compilation".equals(type)) {
          jit += event.getDuration().toNanos() / 1e6;
        }
        if (!"jdk.ExecutionSample".equals(type) || event.getStackTrace() == null
            || event.getStackTrace().getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> stack = event.getStackTrace().getFrames();
        RecordedFrame top = stack.get(0);
        frames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
        layers.merge(layerOf(stack), 1L, Long::sum);
        String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    double seconds = Duration.between(from, to).toNanos() / 1e9;
    return new Summary(samples, largestFirst(layers, 12), largestFirst(threads, 8), largestFirst(frames, 15), gcPause,
        jit, seconds);
  }

  private static String layerOf(List<RecordedFrame> stack) {
    for (RecordedFrame frame : stack) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
        if (type.startsWith(layer.getKey())) {
          return layer.getValue();
        }
      }
    }
    return "JDK only (" + packageOf(stack.get(0).getMethod().getType().getName()) + ")";
  }

  private static String packageOf(String type) {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  private static Map<String, Long> largestFirst(Map<String, Long> counts, int limit) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static void jcmd(long pid, String... command) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(Long.toString(pid));
    args.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
