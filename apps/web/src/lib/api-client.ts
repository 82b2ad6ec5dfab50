import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";
import { API_TIMEOUT_MS, fetchWithin } from "./fetch-within.ts";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
// Every call carries the CSRF header the BFF requires of state-changing requests; on reads it is harmless.
// Every call has a deadline of its own (fetch-within.ts), so no page waits for an answer forever.
// Queries and mutations make their calls through api-call.ts, which turns failures into ApiErrors.
export const api = hc<AppType>("/", { headers: { "x-csrf": "1" }, fetch: fetchWithin(API_TIMEOUT_MS) });

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
