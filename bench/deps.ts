// bench/ is not a workspace package and has no dependencies of its own, so it reaches Hono and its
// Node adapter through the BFF's: the very modules (same files, same instances) the BFF runs on.
import type { Hono as HonoClass } from "../apps/bff/node_modules/hono/dist/types/index.d.ts";

export { getRequestListener } from "../apps/bff/node_modules/@hono/node-server/dist/index.mjs";

const hono = (await import(new URL("../apps/bff/node_modules/hono/dist/index.js", import.meta.url).href)) as {
  Hono: typeof HonoClass;
};
export const Hono = hono.Hono;

// The embedded Postgres the BFF uses, for the bare-upsert baseline and the memory probes.
import type { PGlite as PGliteClass } from "../apps/bff/node_modules/@electric-sql/pglite/dist/index.d.ts";

const pglite = (await import(
  new URL("../apps/bff/node_modules/@electric-sql/pglite/dist/index.js", import.meta.url).href
)) as { PGlite: typeof PGliteClass };
export const PGlite = pglite.PGlite;
