import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createBff } from "./bff.ts";
import { parseEnv } from "./env.ts";
import { startMemoryRelease } from "./memory-release.ts";

/** How long a stopping instance gives the requests it is answering before it exits anyway. */
const DRAIN_DEADLINE_MS = 10_000;
/** How long closing the database pool and the other clients may take after that. */
const CLOSE_DEADLINE_MS = 5_000;

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const bff = await createBff(env);
// Gives back what a busy spell left in V8's pool once the instance is quiet again (memory-release.ts).
const memory = startMemoryRelease({
  enabled: env.MEMORY_RELEASE,
  onRelease: ({ rssBefore, rssAfter, ms }) =>
    bff.logger.info(
      {
        rssBeforeMb: Math.round(rssBefore / 2 ** 20),
        rssAfterMb: Math.round(rssAfter / 2 ** 20),
        ms: Math.round(ms),
      },
      "memory given back after a busy spell",
    ),
});
// `serve` makes a plain HTTP/1.1 server (no TLS or HTTP/2 options are given).
const server = serve({ fetch: bff.app.fetch, port: env.PORT, hostname: env.HOST }, () => {
  bff.logger.info({ url: env.publicUrl, instance: bff.instanceId }, "portal listening");
  console.log(`portal listening on ${env.publicUrl}`);
}) as Server;

// Draining: /api/ready answers 503 at once (the proxy stops sending new requests), no new connection
// is accepted, live streams end (their browsers reconnect to another instance), and the requests
// being answered finish before the database closes.
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  memory.stop();
  bff.startDraining();
  bff.hub.close();
  const deadline = setTimeout(() => {
    bff.logger.warn("requests still running after the drain deadline; stopping anyway");
    server.closeAllConnections();
  }, DRAIN_DEADLINE_MS);
  deadline.unref();
  // Idle keep-alive connections (the ended streams' too, once their last bytes are out) would hold
  // `close` open until they time out.
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  server.close(() => {
    clearTimeout(deadline);
    clearInterval(idle);
    // Closing the pool waits for its connections: a database that stopped answering must not keep
    // the process alive.
    setTimeout(() => process.exit(1), CLOSE_DEADLINE_MS).unref();
    void bff.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
// Started by the launcher (scripts/serve.mjs): stop with it, even when it was killed.
if (process.send) process.once("disconnect", stop);
