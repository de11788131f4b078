package io.scimbus.bench;

/** Progress lines on stdout, prefixed so they stand out from child JVM noise. */
final class Console {
  private Console() {
  }

  static void say(String line) {
    System.out.println("[bench] " + line);
  }
}
