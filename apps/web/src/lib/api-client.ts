import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";
import { API_TIMEOUT_MS, fetchWithin } from "./fetch-within.ts";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
// Every call has a deadline of its own (fetch-within.ts), so no page waits for an answer forever.
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
