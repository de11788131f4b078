package io.scimbus.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One scrape of a service's {@code /metrics}, read the way Prometheus reads it. */
record PrometheusScrape(String text) {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  static PrometheusScrape of(int healthPort) {
    try {
      // The request timeout ends with the headers; this deadline covers the body too.
      HttpResponse<String> response = HTTP.sendAsync(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + healthPort + "/metrics")).timeout(PATIENCE).build(),
          HttpResponse.BodyHandlers.ofString()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      if (response.statusCode() != 200) {
        throw new AssertionError("/metrics answered " + response.statusCode());
      }
      return new PrometheusScrape(response.body());
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("no complete /metrics from port " + healthPort + " within " + PATIENCE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sum of the samples of {@code name} whose labels include {@code labels}; 0 when there is none. */
  double value(String name, Map<String, String> labels) {
    return text.lines().filter(line -> sample(line, name, labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  boolean has(String name, Map<String, String> labels) {
    return text.lines().anyMatch(line -> sample(line, name, labels));
  }

  private static boolean sample(String line, String name, Map<String, String> labels) {
    return (line.startsWith(name + "{") || line.startsWith(name + " ")) && labels.entrySet().stream()
        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""));
  }
}
