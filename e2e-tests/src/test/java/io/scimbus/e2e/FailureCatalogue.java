package io.scimbus.e2e;

import io.scimbus.testsupport.hostile.WireRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every broken rule of a fuzz run, grouped by kind and case, each group with its count and the request of lowest
 * index as a minimal reproducer. Thread-safe; tenant ids and tokens are replaced by names in what it prints.
 */
final class FailureCatalogue {
  private static final int SHOWN_BODY_CHARS = 400;

  private final Map<String, Group> groups = new TreeMap<>();
  private final Map<String, String> names;

  /** {@code names}: text to hide (tenant ids, tokens) and what to print instead. */
  FailureCatalogue(Map<String, String> names) {
    this.names = names;
  }

  private static final class Group {
    long count;
    long firstIndex = Long.MAX_VALUE;
    String reproducer;
  }

  synchronized void add(String kind, String kase, WireRequest request, String answer) {
    Group group = groups.computeIfAbsent(kind + " | " + kase, k -> new Group());
    group.count++;
    long index = request == null ? -1 : request.index();
    if (index < group.firstIndex) {
      group.firstIndex = index;
      group.reproducer = (request == null ? "" : describe(request) + "\n") + "  answer: " + abbreviate(answer);
    }
  }

  synchronized boolean isEmpty() {
    return groups.isEmpty();
  }

  synchronized long total() {
    return groups.values().stream().mapToLong(g -> g.count).sum();
  }

  /** The groups, kinds first, each with count and reproducer. */
  synchronized String render() {
    StringBuilder out = new StringBuilder();
    List<Map.Entry<String, Group>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Comparator.comparing(Map.Entry::getKey));
    String kind = null;
    for (Map.Entry<String, Group> entry : sorted) {
      String[] parts = entry.getKey().split(" \\| ", 2);
      if (!parts[0].equals(kind)) {
        kind = parts[0];
        out.append("\n== ").append(kind).append(" ==\n");
      }
      Group group = entry.getValue();
      out.append("- ").append(parts[1]).append(" (").append(group.count).append("x)\n")
          .append(group.reproducer).append('\n');
    }
    return out.toString();
  }

  private String describe(WireRequest request) {
    StringBuilder out = new StringBuilder("  #").append(request.index()).append(' ').append(request.method())
        .append(' ').append(hide(abbreviate(escape(request.target()))));
    for (int i = 0; i < request.headers().size(); i += 2) {
      String name = request.headers().get(i);
      if (!name.equals("Accept") || !request.headers().get(i + 1).contains("json")) {
        out.append("\n    ").append(name).append(": ").append(hide(abbreviate(request.headers().get(i + 1))));
      }
    }
    if (request.body() != null) {
      out.append("\n    body (").append(request.body().length).append(" bytes): ")
          .append(hide(abbreviate(escape(request.body()))));
    }
    return out.toString();
  }

  private String hide(String text) {
    String shown = text;
    for (Map.Entry<String, String> name : names.entrySet()) {
      shown = shown.replace(name.getKey(), name.getValue());
    }
    return shown;
  }

  /** UTF-8 text as is; other bytes and control characters as \xNN, so invalid sequences stay visible. */
  static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
          : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      String decoded = length == 0 || i + length > bytes.length ? null : strictUtf8(bytes, i, length);
      if (decoded == null || (length == 1 && (b < 0x20 || b == 0x7F))) {
        out.append(String.format("\\x%02X", b));
        i++;
      } else {
        out.append(decoded);
        i += length;
      }
    }
    return out.toString();
  }

  private static String strictUtf8(byte[] bytes, int from, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replace("\r", "\\r").replace("\n", "\\n");
    return flat.length() <= SHOWN_BODY_CHARS ? flat
        : flat.substring(0, SHOWN_BODY_CHARS) + "... (" + flat.length() + " chars)";
  }
}
