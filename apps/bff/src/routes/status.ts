import { Hono } from "hono";
import type { UpstreamHealth } from "../upstream/resilience.ts";
import type { UpstreamName } from "../upstream/upstream-unavailable-error.ts";

// The public status: which upstreams this instance finds degraded, for the portal's own status line
// and for anyone asking. It says nothing but states and times — no URL, error text or id.

export interface StatusDeps {
  upstreams: () => Record<UpstreamName, UpstreamHealth>;
}

export type UpstreamState = UpstreamHealth["state"];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function statusRoutes(deps: StatusDeps) {
  return new Hono().get("/", (c) => {
    const upstreams = Object.entries(deps.upstreams()).map(([name, health]) => ({
      name: name as UpstreamName,
      state: health.state,
      lastSuccessAt: iso(health.lastSuccessAt),
      lastFailureAt: iso(health.lastFailureAt),
    }));
    const status: "ok" | "degraded" = upstreams.every((u) => u.state === "ok") ? "ok" : "degraded";
    c.header("cache-control", "no-store");
    return c.json({ status, upstreams }, 200);
  });
}
