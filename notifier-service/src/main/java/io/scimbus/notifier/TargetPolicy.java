package io.scimbus.notifier;

import io.scimbus.core.error.ScimException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go. A target must be an absolute http(s) URL whose host resolves only to public addresses:
 * private, loopback, link-local, carrier-grade NAT, unspecified and multicast addresses are refused (no SSRF into
 * the cluster or a cloud metadata service) unless they lie in a configured allowed network. The host is resolved
 * and checked again before every attempt, and the connection goes to the address that was checked (no DNS
 * rebinding between check and connect).
 */
final class TargetPolicy {
  static final int MAX_URL_LENGTH = 2048;
  private static final List<Cidr> NON_PUBLIC = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
      Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"));

  private final List<Cidr> allowed = new ArrayList<>();

  TargetPolicy(String allowedNetworks) {
    for (String cidr : allowedNetworks.split(",")) {
      if (!cidr.isBlank()) {
        allowed.add(Cidr.parse(cidr.trim()));
      }
    }
  }

  /** The URL as a target, or 400 saying what is wrong with it. */
  static URI parse(String url) {
    if (url.length() > MAX_URL_LENGTH) {
      throw ScimException.invalidValue("url must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ScimException.invalidValue("url is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw ScimException.invalidValue("url must be an absolute http or https URL with a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw ScimException.invalidValue("url must not carry user info or a fragment");
    }
    return uri;
  }

  /** The address to connect to; fails with {@link Refused} when the host is not an allowed target. */
  Future<InetAddress> resolve(Vertx vertx, URI target) {
    String host = target.getHost().startsWith("[") ? target.getHost().substring(1, target.getHost().length() - 1)
        : target.getHost();
    return vertx.executeBlocking(() -> {
      InetAddress[] addresses;
      try {
        addresses = InetAddress.getAllByName(host);
      } catch (UnknownHostException e) {
        throw new Refused("dns", "host " + host + " does not resolve");
      }
      // every address must pass: a name that also resolves inside the cluster is refused
      for (InetAddress address : addresses) {
        if (!permitted(address)) {
          throw new Refused("blocked-address", "host " + host + " resolves to " + address.getHostAddress()
              + ", a private, loopback or link-local address");
        }
      }
      return addresses[0];
    });
  }

  boolean permitted(InetAddress address) {
    return isPublic(address) || allowed.stream().anyMatch(cidr -> cidr.contains(address));
  }

  private static boolean isPublic(InetAddress a) {
    return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress() || NON_PUBLIC.stream().anyMatch(cidr -> cidr.contains(a)));
  }

  /** A target that may not be called; {@code errorClass} is what the delivery log shows. */
  static final class Refused extends Exception {
    private final String errorClass;

    Refused(String errorClass, String message) {
      super(message);
      this.errorClass = errorClass;
    }

    String errorClass() {
      return errorClass;
    }
  }

  /** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
  record Cidr(byte[] network, int prefix) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      try {
        byte[] network = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
        int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("prefix out of range in " + text);
        }
        return new Cidr(network, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a network (CIDR like 127.0.0.0/8): " + text, e);
      }
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
