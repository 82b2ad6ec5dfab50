import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { handleError, handleNotFound } from "./errors.ts";
import { healthRoutes } from "./routes/health.ts";

// The API the browser talks to. Its type is what the web app's RPC client is built from.
export function createApi() {
  const api = new Hono().basePath("/api").use(requestId()).route("/health", healthRoutes);
  api.onError(handleError);
  api.notFound(handleNotFound);
  return api;
}

export type AppType = ReturnType<typeof createApi>;
