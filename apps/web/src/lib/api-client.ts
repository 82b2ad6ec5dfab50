import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
// Every call carries the CSRF header the BFF requires of state-changing requests; on reads it is harmless.
export const api = hc<AppType>("/", { headers: { "x-csrf": "1" } });
