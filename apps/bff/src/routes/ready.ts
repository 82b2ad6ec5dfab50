import { Hono } from "hono";
import type { Database } from "../db/database.ts";

export interface ReadinessDeps {
  db: Database;
  /** True once the process has been asked to stop: the proxy should send new requests elsewhere. */
  draining: () => boolean;
}

/**
 * Readiness: can this instance serve requests? Its database answers and it is not shutting down.
 * An upstream outage is not a reason: every instance shares it, and each still serves cached data
 * and sign-in (the public status route says what is degraded).
 */
export function readyRoutes(deps: ReadinessDeps) {
  return new Hono().get("/", async (c) => {
    c.header("cache-control", "no-store");
    const draining = deps.draining();
    const database = await deps.db
      .query("select 1")
      .then(() => "ok" as const)
      .catch(() => "unavailable" as const);
    const ready = database === "ok" && !draining;
    return c.json({ ready, database, draining }, ready ? 200 : 503);
  });
}
