// Builds its own client outside lib/: breaks web-calls-through-lib.
import { hc } from "../../../../../vendor/hono/dist/client/index.ts";

export const own = hc;
