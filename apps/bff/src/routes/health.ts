import { Hono } from "hono";

const startedAt = Date.now();

/** Liveness: the process is up and serving. Readiness (database, upstreams) is a separate check. */
export const healthRoutes = new Hono().get("/", (c) =>
  c.json({ status: "ok" as const, uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) }, 200),
);
