import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { IpAllowlist } from "../live-push/ip-allowlist.ts";
import { canonicalIp, forwardedClient } from "./forwarded-for.ts";

/** The client's address, as rate limits, the webhook allowlist and the request log see it. */
export type ClientIp = (c: Context) => string;

/**
 * Without trusted proxies the TCP peer is the client: X-Forwarded-For is ignored, since any client can
 * write it. With them (TRUSTED_PROXIES), the header is believed as far as those proxies wrote it.
 */
export function clientIpResolver(trustedProxies: IpAllowlist | null): ClientIp {
  return (c) => {
    const peer = tcpPeer(c);
    if (!trustedProxies) return canonicalIp(peer) ?? peer;
    return forwardedClient(peer, c.req.header("x-forwarded-for"), trustedProxies);
  };
}

function tcpPeer(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // in-process requests (tests) have no socket
  }
}
