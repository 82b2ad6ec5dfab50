import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";
import { API_TIMEOUT_MS, fetchWithin } from "./fetch-within.ts";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
// Every call carries the CSRF header the BFF requires of state-changing requests; on reads it is harmless.
// Every call has a deadline of its own (fetch-within.ts), so no page waits for an answer forever.
export const api = hc<AppType>("/", { headers: { "x-csrf": "1" }, fetch: fetchWithin(API_TIMEOUT_MS) });
