package io.scimbus.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateways a Kubernetes Service sends to: those in service, each request to the next. A rollout adds a new
 * gateway once its readiness is UP, and removes the old one once it is shutting down (its readiness DOWN), as the
 * endpoints controller drops a terminating pod.
 */
final class GatewayRotation {
  private final List<String> urls = new CopyOnWriteArrayList<>();
  private final AtomicInteger turn = new AtomicInteger();

  GatewayRotation(String firstUrl) {
    urls.add(firstUrl);
  }

  void add(String url) {
    urls.add(url);
  }

  void remove(String url) {
    urls.remove(url);
  }

  /** The base URL the next request goes to. */
  String next() {
    List<String> inService = List.copyOf(urls);
    return inService.get(Math.floorMod(turn.getAndIncrement(), inService.size()));
  }
}
