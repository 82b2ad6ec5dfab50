import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createBff } from "@portal/bff/bff";
import { parseEnv } from "@portal/bff/env";
import type { HubEvent } from "@portal/bff/live/member-streams";
import { startMemoryRelease } from "@portal/bff/memory-release";
import { getRequestListener, Hono } from "./deps.ts";
import { cpuMs, serve } from "./ipc.ts";

// The BFF alone in its own process, configured from the environment the orchestrator passes
// (DATABASE_URL of a fresh database, RATE_LIMIT_PER_MINUTE=0, LOG_LEVEL=silent, the cache windows…),
// served the way main.ts serves it, inside a wrapper Hono app that adds one bare route: the baseline
// for the warm-cache budget, a route with no middleware that answers a fixed payload.

export const BARE_PATH = "/bench/bare";
const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

const bff = await createBff(parseEnv(process.env));
// As main.ts does: what a busy spell leaves in V8's pool goes back once the instance is quiet.
const memoryRelease = startMemoryRelease();
let barePayload = "{}";
const wrapper = new Hono();
// Registered before the BFF's routes, so none of the BFF's middleware runs for it.
wrapper.get(BARE_PATH, (c) => c.body(barePayload, 200, JSON_HEADERS));
// The ack-latency baseline: reads the body as the webhook does, answers a fixed acknowledgement.
wrapper.post(BARE_PATH, async (c) => {
  await c.req.text();
  return c.body('{"outcome":"stored","version":1}', 200, JSON_HEADERS);
});
wrapper.route("/", bff.app);

// As main.ts serves it (@hono/node-server's serve passes its hostname): a request without a Host
// header, such as haproxy's HTTP/1.0 health check, is read as addressed to it.
const server = createServer(getRequestListener(wrapper.fetch, { hostname: "127.0.0.1" }));
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const { hub } = bff;

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
  /** What became of the Live Push deliveries, as the BFF's own metrics count them. */
  livePush: async () => {
    const total = async (counter: { get(): Promise<{ values: { value: number }[] }> }) =>
      (await counter.get()).values.reduce((sum, v) => sum + v.value, 0);
    const m = bff.livePushMetrics;
    return {
      accepted: await total(m.accepted),
      duplicates: await total(m.duplicates),
      outOfOrder: await total(m.outOfOrder),
      authFailures: await total(m.authFailures),
      validationFailures: await total(m.validationFailures),
    };
  },
  /** What became of the other Data Push feeds' deliveries, per feed, as the BFF's metrics count them. */
  feeds: async () => {
    const perFeed = async (name: string) => {
      const metric = bff.metrics.registry.getSingleMetric(name);
      const totals: Record<string, number> = {};
      for (const { labels, value } of metric ? (await metric.get()).values : []) {
        const feed = String(labels.feed ?? "?");
        totals[feed] = (totals[feed] ?? 0) + value;
      }
      return totals;
    };
    return {
      accepted: await perFeed("live_push_feed_accepted_total"),
      duplicates: await perFeed("live_push_feed_duplicates_total"),
      outOfOrder: await perFeed("live_push_feed_out_of_order_total"),
      refused: await perFeed("live_push_feed_validation_failures_total"),
    };
  },
  /** The live-update streams open on this instance. */
  streams: () => hub.connections(),
  /** Calls the hub's broadcast; `at` is when (epoch ms, sub-ms precision), `ms` how long the call took. */
  broadcast: (event: HubEvent) => {
    const started = performance.now();
    const reached = hub.broadcast(event);
    return { at: performance.timeOrigin + started, ms: performance.now() - started, reached };
  },
  /** The instance's last quiet-time memory release (memory-release.ts), if any. */
  lastRelease: () => memoryRelease.last(),
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
