package io.scimbus.testsupport.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 request exactly as it goes on the wire: the request target and body are bytes, so they may hold what
 * no well-behaved client would send (invalid UTF-8, raw control characters, custom methods).
 *
 * @param index the generator's index of this request; with the seed it reproduces the request
 * @param kase what the request tries, e.g. {@code POST /Users wrong type userName=number}; failures group by it
 * @param expect what a correct server does with it
 * @param headers name, value pairs; {@code Host} and {@code Content-Length} are added by {@link WireClient}
 */
public record WireRequest(long index, String kase, Expect expect, String method, byte[] target,
    List<String> headers, byte[] body) {

  /** What a correct server answers. Every expectation also forbids a 5xx and a 4xx without a SCIM error body. */
  public enum Expect {
    /** Changes nothing whatever it answers (reads, odd methods): any status but a 5xx. */
    READ,
    /** A write that must be refused with a 4xx. */
    REFUSE,
    /** A bulk request whose every operation must fail: a 4xx, or 200 with a 4xx for each operation. */
    REFUSE_EACH_OPERATION,
    /** An edge case a server may accept or refuse (sent to the lenient tenant only). */
    ANY
  }

  public String targetText() {
    return new String(target, StandardCharsets.ISO_8859_1);
  }

  public String header(String name) {
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equalsIgnoreCase(name)) {
        return headers.get(i + 1);
      }
    }
    return null;
  }
}
