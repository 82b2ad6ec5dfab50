import { Hono } from "hono";
import type { Database } from "../db/database.ts";

export interface ReadinessDeps {
  db: Database;
  /** Upstreams whose circuit breaker is open right now. */
  openCircuits: () => string[];
}

/** Readiness: the database answers and no upstream is known to be down. */
export function readyRoutes(deps: ReadinessDeps) {
  return new Hono().get("/", async (c) => {
    const database = await deps.db
      .query("select 1")
      .then(() => "ok" as const)
      .catch(() => "unavailable" as const);
    const openCircuits = deps.openCircuits();
    const ready = database === "ok" && openCircuits.length === 0;
    return c.json({ ready, database, openCircuits }, ready ? 200 : 503);
  });
}
