// bench/ is not a workspace package and has no dependencies of its own, so it reaches Hono, its
// Node adapter and pg through the BFF's: the very modules (same files, same instances) the BFF runs on.

import type PgModule from "../apps/bff/node_modules/@types/pg/index.d.mts";
import type { Hono as HonoClass } from "../apps/bff/node_modules/hono/dist/types/index.d.ts";

export { getRequestListener } from "../apps/bff/node_modules/@hono/node-server/dist/index.mjs";

const hono = (await import(new URL("../apps/bff/node_modules/hono/dist/index.js", import.meta.url).href)) as {
  Hono: typeof HonoClass;
};
export const Hono = hono.Hono;

// For creating the bench's databases and the bare-upsert baseline.
const pgModule = (await import(
  new URL("../apps/bff/node_modules/pg/esm/index.mjs", import.meta.url).href
)) as {
  default: typeof PgModule;
};
export const pg: typeof PgModule = pgModule.default;
