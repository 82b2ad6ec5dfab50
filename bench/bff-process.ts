import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createBff } from "../apps/bff/src/bff.ts";
import { parseEnv } from "../apps/bff/src/env.ts";
import { getRequestListener, Hono } from "./deps.ts";
import { cpuMs, serve } from "./ipc.ts";

// The BFF alone in its own process, configured from the environment the orchestrator passes
// (DATA_DIR=memory://, RATE_LIMIT_PER_MINUTE=0, LOG_LEVEL=silent, the cache windows…), served the
// way main.ts serves it, inside a wrapper Hono app that adds one bare route: the baseline for the
// warm-cache budget, a route with no middleware that answers a fixed payload.

export const BARE_PATH = "/bench/bare";
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

const bff = await createBff(parseEnv(process.env));
let barePayload = "{}";
const wrapper = new Hono();
// Registered before the BFF's routes, so none of the BFF's middleware runs for it.
wrapper.get(BARE_PATH, (c) => c.body(barePayload, 200, JSON_HEADERS));
wrapper.route("/", bff.app);

const server = createServer(getRequestListener(wrapper.fetch));
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const counterValues = async (counter: { get(): Promise<{ values: { labels: object; value: number }[] }> }) =>
  (await counter.get()).values.map((v) => ({ labels: v.labels as Record<string, string>, value: v.value }));

const handlers = {
  /** One session per CrowdTwist user id, created directly in the session store; returns the cookie ids. */
  sessions: async (crowdtwistUserIds: string[]) => {
    const ids: string[] = [];
    for (const crowdtwistUserId of crowdtwistUserIds) {
      const { id } = await bff.sessions.create({
        sub: crowdtwistUserId,
        crowdtwistUserId,
        name: crowdtwistUserId,
        email: `${crowdtwistUserId}@example.com`,
        roles: [],
        idToken: null,
      });
      ids.push(id);
    }
    return ids;
  },
  bare: (payload: string) => {
    barePayload = payload;
  },
  /** Cache events by kind and single-flight joins, as the BFF's own metrics count them. */
  metrics: async () => {
    const events: Record<string, number> = {};
    for (const { labels, value } of await counterValues(bff.metrics.cacheEvents)) {
      events[labels.event ?? "?"] = (events[labels.event ?? "?"] ?? 0) + value;
    }
    const joins = (await counterValues(bff.metrics.singleFlightJoins)).reduce((sum, v) => sum + v.value, 0);
    return { events, joins };
  },
  cpu: () => cpuMs(),
  /** Memory after full collections (needs --expose-gc), in bytes. */
  memory: async () => {
    for (let i = 0; i < 3; i += 1) {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { gc: typeof globalThis.gc === "function", ...process.memoryUsage() };
  },
};
export type BffHandlers = typeof handlers;

process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void bff.close().finally(() => process.exit(0));
});

serve(handlers, { url });
