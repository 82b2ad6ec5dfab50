import { describe, expect, it } from "vitest";
import { ipAllowlistProblems, parseIpAllowlist } from "./ip-allowlist.ts";

describe("the webhook's IP allowlist", () => {
  const list = parseIpAllowlist(" 203.0.113.0/24, 198.51.100.7 ,2001:db8::/32, ::1");

  it.each([
    ["203.0.113.200", true],
    ["203.0.114.1", false],
    ["198.51.100.7", true],
    ["198.51.100.8", false],
    ["::ffff:203.0.113.9", true], // an IPv4 peer on a dual-stack socket
    ["2001:db8:1::5", true],
    ["2001:db9::5", false],
    ["::1", true],
    ["unknown", false],
    ["", false],
  ])("%s → %s", (address, allowed) => {
    expect(list.allows(address)).toBe(allowed);
  });

  it("names every entry it cannot use", () => {
    expect(ipAllowlistProblems("10.0.0.0/8, example.com, 10.0.0.0/33, ::/129, 1.2.3.4/8/1")).toEqual([
      '"example.com" is not an IP or CIDR',
      '"10.0.0.0/33" is not an IP or CIDR',
      '"::/129" is not an IP or CIDR',
      '"1.2.3.4/8/1" is not an IP or CIDR',
    ]);
    expect(ipAllowlistProblems("10.0.0.0/8,::/0")).toEqual([]);
  });
});
