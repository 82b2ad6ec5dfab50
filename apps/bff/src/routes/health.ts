import { Hono } from "hono";

const startedAt = Date.now();

/**
 * Liveness: the process is up and serving, and which instance it is. Readiness (database, draining)
 * is a separate check.
 */
export const healthRoutes = (instance: string) =>
  new Hono().get("/", (c) =>
    c.json(
      { status: "ok" as const, instance, uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) },
      200,
    ),
  );
