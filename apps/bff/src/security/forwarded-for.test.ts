import { describe, expect, it } from "vitest";
import { parseIpAllowlist } from "../live-push/ip-allowlist.ts";
import { canonicalIp, forwardedClient } from "./forwarded-for.ts";

// Our proxies: a load balancer on 10.0.0.0/8, an edge on 2001:db8:edge::/48 and the local haproxy.
const trusted = parseIpAllowlist("10.0.0.0/8, 2001:db8:e::/48, 127.0.0.1", "TRUSTED_PROXIES");

describe("the client behind X-Forwarded-For", () => {
  it.each([
    // [what, TCP peer, X-Forwarded-For, client]
    ["no header from a trusted proxy: the proxy itself", "10.0.0.5", undefined, "10.0.0.5"],
    ["one hop", "10.0.0.5", "203.0.113.7", "203.0.113.7"],
    ["a spoofed header from an untrusted peer is ignored", "198.51.100.9", "203.0.113.7", "198.51.100.9"],
    ["an untrusted peer cannot claim to be a trusted proxy", "198.51.100.9", "10.0.0.1", "198.51.100.9"],
    [
      "a spoofed entry the client sent through our proxy stays to the left, unread",
      "10.0.0.5",
      "1.1.1.1, 203.0.113.7",
      "203.0.113.7",
    ],
    ["several trusted hops are skipped", "10.0.0.5", "203.0.113.7, 10.0.0.9, 10.1.2.3", "203.0.113.7"],
    [
      "a client that claims one of our addresses is still stopped at the first outsider",
      "10.0.0.5",
      "10.0.0.1, 198.51.100.2, 10.0.0.9",
      "198.51.100.2",
    ],
    ["every hop ours: the furthest one", "10.0.0.5", "10.0.0.7, 10.0.0.9", "10.0.0.7"],
    ["IPv6 client through an IPv6 edge", "2001:db8:e::1", "2001:DB8:abcd:0:0::7", "2001:db8:abcd::7"],
    ["IPv4 client, IPv6 edge hop", "10.0.0.5", "203.0.113.7, 2001:db8:e::2", "203.0.113.7"],
    ["a trusted peer seen as IPv4-mapped IPv6", "::ffff:10.0.0.5", "203.0.113.7", "203.0.113.7"],
    ["an untrusted peer seen as IPv4-mapped IPv6", "::ffff:198.51.100.9", "203.0.113.7", "198.51.100.9"],
    ["a mapped client address becomes plain IPv4", "10.0.0.5", "::ffff:203.0.113.7", "203.0.113.7"],
    ["the URL parser's hex spelling of a mapped address", "10.0.0.5", "::FFFF:cb00:7107", "203.0.113.7"],
    ["a port some proxies add is dropped", "10.0.0.5", "203.0.113.7:51234", "203.0.113.7"],
    ["a bracketed IPv6 with a port", "10.0.0.5", "[2001:db8:abcd::7]:443", "2001:db8:abcd::7"],
    ["several header lines, joined by commas", "127.0.0.1", "9.9.9.9,203.0.113.7 , 10.0.0.1", "203.0.113.7"],
  ])("%s", (_what, peer, header, client) => {
    expect(forwardedClient(peer, header, trusted)).toBe(client);
  });

  it.each([
    ["a word", "unknown"],
    ["a host name", "evil.example"],
    ["an empty entry", "203.0.113.7,"],
    ["only commas", ",,,"],
    ["a blank value", "   "],
    ["an out-of-range address", "300.1.2.3"],
    ["leading zeros (octal in some parsers)", "010.0.0.1"],
    ["a CIDR", "203.0.113.0/24"],
    ["script", "<script>alert(1)</script>"],
    ["a header injection attempt", "203.0.113.7\r\nx-admin: 1"],
    ["an RFC 7239 Forwarded element", 'for="203.0.113.7"'],
  ])("falls back to the nearest trusted hop for %s, never to the text", (_what, header) => {
    expect(forwardedClient("10.0.0.5", header, trusted)).toBe("10.0.0.5");
    expect(forwardedClient("10.0.0.5", `${header}, 10.0.0.9`, trusted)).toBe("10.0.0.9");
  });

  it("stops at the first outsider even when garbage lies further left", () => {
    expect(forwardedClient("10.0.0.5", "garbage, 203.0.113.7", trusted)).toBe("203.0.113.7");
  });

  it("keeps a peer without a socket as it is", () => {
    expect(forwardedClient("unknown", "203.0.113.7", trusted)).toBe("unknown");
  });

  it("is not fooled by a long run of spoofed entries", () => {
    const header = `${"203.0.113.1, ".repeat(2_000)}198.51.100.2`;
    expect(forwardedClient("10.0.0.5", header, trusted)).toBe("198.51.100.2");
  });
});

describe("canonical addresses", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["2001:0DB8:0000::0001", "2001:db8::1"],
    ["[::1]", "::1"],
    ["fe80::1%eth0", "fe80::1%eth0"],
    ["", null],
    ["1.2.3", null],
    ["::ffff:999.1.1.1", null],
  ])("%j → %j", (text, canonical) => {
    expect(canonicalIp(text)).toBe(canonical);
  });
});
