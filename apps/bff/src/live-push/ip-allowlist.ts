import { BlockList, isIP } from "node:net";

// A list of comma-separated addresses and CIDR ranges, IPv4 and IPv6: LIVE_PUSH_ALLOWED_IPS (who may
// call the webhook) and TRUSTED_PROXIES (whose X-Forwarded-For is believed). Node's BlockList does the
// matching, including an IPv4 peer seen as IPv4-mapped IPv6 (`::ffff:203.0.113.7`) on a
// dual-stack socket.

export interface IpAllowlist {
  allows(address: string): boolean;
}

/** The problems with a setting, one per bad entry; empty when every entry is usable. */
export function ipAllowlistProblems(setting: string): string[] {
  return entries(setting).flatMap((entry) => (parseEntry(entry) ? [] : [`"${entry}" is not an IP or CIDR`]));
}

/** `variable` names the setting in the error for an entry that env.ts should already have refused. */
export function parseIpAllowlist(setting: string, variable = "LIVE_PUSH_ALLOWED_IPS"): IpAllowlist {
  const list = new BlockList();
  for (const entry of entries(setting)) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`${variable}: "${entry}" is not an IP or CIDR`);
    if (parsed.prefix === null) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return {
    allows(address) {
      const family = isIP(address);
      if (family === 0) return false; // "unknown": no socket, so nothing to vouch for the caller
      return list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

function entries(setting: string): string[] {
  return setting
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function parseEntry(entry: string) {
  const [address = "", prefixText, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const family = version === 4 ? ("ipv4" as const) : ("ipv6" as const);
  if (prefixText === undefined) return { address, family, prefix: null };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefixText) || prefix > max) return null;
  return { address, family, prefix };
}
