import type { AppType } from "@portal/bff/app";
import { hc } from "hono/client";

// The one way the web app talks to the BFF: typed from the BFF's own routes, same origin only.
export const api = hc<AppType>("/");
