package io.scimbus.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimbus.core.error.ScimException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {
  private final TargetPolicy byDefault = new TargetPolicy("");

  @Test
  void refusesPrivateLoopbackLinkLocalAndOtherNonPublicAddressesByDefault() throws Exception {
    for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1"}) {
      assertFalse(byDefault.permitted(InetAddress.getByName(address)), address);
    }
    assertTrue(byDefault.permitted(InetAddress.getByName("93.184.216.34")));
    assertTrue(byDefault.permitted(InetAddress.getByName("2606:4700::1111")));
  }

  @Test
  void allowedNetworksLetThoseAddressesThrough() throws Exception {
    TargetPolicy loopback = new TargetPolicy("127.0.0.0/8, ::1/128");
    assertTrue(loopback.permitted(InetAddress.getByName("127.0.0.1")));
    assertTrue(loopback.permitted(InetAddress.getByName("::1")));
    assertFalse(loopback.permitted(InetAddress.getByName("10.0.0.1")));
  }

  @Test
  void urlsMustBeAbsoluteHttpOrHttps() {
    for (String url : new String[] {"ftp://example.com/", "/relative", "http://", "https://user:pw@example.com/",
        "not a url"}) {
      ScimException e = assertThrows(ScimException.class, () -> TargetPolicy.parse(url), url);
      assertEquals(400, e.status());
    }
    assertEquals("example.com", TargetPolicy.parse("https://example.com/hooks?x=1").getHost());
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    assertEquals(Duration.ofSeconds(120), WebhookSender.retryAfter("120"));
    assertEquals(Duration.ZERO, WebhookSender.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertEquals(null, WebhookSender.retryAfter("soon"));
  }
}
