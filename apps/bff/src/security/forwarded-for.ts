import { isIP } from "node:net";
import type { IpAllowlist } from "../live-push/ip-allowlist.ts";

// Who the client is when trusted proxies stand in front: the standard right-to-left walk of
// X-Forwarded-For. Each proxy appends the address it saw, so only the entries written by our own
// proxies can be believed; everything to the left of the first address that is not one of them was
// written by the client and may be anything.

/**
 * `peer` is the TCP peer; `forwardedFor` every X-Forwarded-For value joined with commas. The answer is
 * always an address that a trusted party saw, never one a client merely claimed.
 */
export function forwardedClient(
  peer: string,
  forwardedFor: string | undefined,
  trusted: IpAllowlist,
): string {
  const tcp = canonicalIp(peer) ?? peer;
  if (!forwardedFor || !trusted.allows(tcp)) return tcp;
  let nearest = tcp;
  const hops = forwardedFor.split(",");
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = canonicalIp(hops[i] ?? "");
    // A trusted proxy that writes no address vouches for nobody: the proxy itself is the best we know.
    // (Taking the text as-is would let anything that reaches that proxy pick its own rate-limit key.)
    if (hop === null) return nearest;
    if (!trusted.allows(hop)) return hop;
    nearest = hop;
  }
  return nearest; // every hop is ours: the furthest one is where the request came from
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
/** The URL parser's spelling of a mapped address: `::ffff:102:304` is 1.2.3.4. */
const MAPPED_V4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;
const V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED_V6 = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * One spelling per address, so one client is one rate-limit key: IPv4-mapped IPv6 as plain IPv4,
 * IPv6 compressed and lower-case; a port some proxies add is dropped. `null` when it is no address.
 */
export function canonicalIp(text: string): string | null {
  let address = text.trim();
  address = V4_WITH_PORT.exec(address)?.[1] ?? BRACKETED_V6.exec(address)?.[1] ?? address;
  address = MAPPED_V4.exec(address)?.[1] ?? address;
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return null;
  try {
    const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
    const mapped = MAPPED_V4_HEX.exec(canonical);
    if (!mapped) return canonical;
    const [high, low] = [Number.parseInt(mapped[1] ?? "", 16), Number.parseInt(mapped[2] ?? "", 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  } catch {
    return address.toLowerCase(); // a zone id (fe80::1%eth0) is an address the URL parser refuses
  }
}
