import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";
import { API_TIMEOUT_MS, fetchWithin } from "./fetch-within.ts";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
// Every call has a deadline of its own (fetch-within.ts), so no page waits for an answer forever.
// Queries and mutations make their calls through api-call.ts, which turns failures into ApiErrors.
// Every state-changing call carries the CSRF header the BFF requires of it. Reads carry no header of
// their own: they are then the very requests the BFF's page preloads (apps/bff/src/web-page-preloads.ts),
// which the browser answers from the preload only when nothing was added to them.
const within = fetchWithin(API_TIMEOUT_MS);
const READS = new Set(["GET", "HEAD"]);

export const api = hc<AppType>("/", {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => {
    if (READS.has(init?.method?.toUpperCase() ?? "GET")) return within(input, init);
    const headers = new Headers(init?.headers);
    headers.set("x-csrf", "1");
    return within(input, { ...init, headers });
  },
});

// `$url()` needs an absolute base; only the path and query of what it builds are used.
const addresses = hc<AppType>("http://portal.invalid");

/**
 * The same-origin address of a typed route, for what the browser loads by itself rather than through
 * a call (the live updates' EventSource, a download link): the path still comes from the BFF's routes.
 */
export function apiPath(pick: (routes: typeof addresses) => URL): string {
  const url = pick(addresses);
  return `${url.pathname}${url.search}`;
}
