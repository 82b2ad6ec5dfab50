import { readFileSync } from "node:fs";
import { livePushProfileSchema } from "../apps/bff/node_modules/@portal/crowdtwist/src/live-push-profile.ts";
import { livePushBody } from "../apps/bff/src/live-push/profile-fixture.ts";
import { minimiseProfile } from "../apps/bff/src/live-push/stored-profile.ts";
import { PGlite } from "./deps.ts";
import { cpuMs, serve } from "./ipc.ts";
import { benchUsername } from "./members.ts";

// PGlite alone in its own process, no HTTP, no BFF: the baseline for the ingest budget (a plain loop
// of the same upsert into the same table) and the memory probe for PGlite's own footprint.
// BENCH_PGLITE_SHARED_BUFFERS (e.g. 8MB) starts it with that shared_buffers instead of PGlite's 128MB.

const sharedBuffers = process.env.BENCH_PGLITE_SHARED_BUFFERS;
const db = await PGlite.create("memory://", {
  ...(sharedBuffers
    ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] }
    : {}),
});
// The very table the BFF's migration creates.
await db.exec(readFileSync(new URL("../apps/bff/migrations/0002-live-push.sql", import.meta.url), "utf8"));

// The BFF stores the minimised profile as jsonb; this loop stores the same document.
const template = minimiseProfile(livePushProfileSchema.parse(livePushBody("bench-template")));
const UPSERT = `
insert into member_profiles as stored (member_key, profile, content_hash, date_last_updated, received_at, version)
values ($1, $2::jsonb, $3, $4, $5, 1)
on conflict (member_key) do update set
  profile = excluded.profile,
  content_hash = excluded.content_hash,
  date_last_updated = excluded.date_last_updated,
  received_at = excluded.received_at,
  version = stored.version + 1
where excluded.date_last_updated > stored.date_last_updated
returning version`;

let turn = 0;
const handlers = {
  /** Upserts for `seconds`: member `turn % members`, each with a dateLastUpdated newer than the last. */
  upsert: async (arg: { seconds: number; members: number; epoch: number }) => {
    const cpuBefore = cpuMs();
    const started = performance.now();
    const until = started + arg.seconds * 1000;
    let count = 0;
    let written = 0;
    while (performance.now() < until) {
      const memberKey = benchUsername(turn % arg.members);
      const dateLastUpdated = new Date((arg.epoch + turn) * 1000);
      turn += 1;
      const json = JSON.stringify({ ...template, dateLastUpdated });
      const result = await db.query(UPSERT, [memberKey, json, "bench", dateLastUpdated, new Date()]);
      count += 1;
      written += result.rows.length;
    }
    const ms = performance.now() - started;
    return { count, written, ms, cpuMs: cpuMs() - cpuBefore };
  },
  rows: async () =>
    Number((await db.query<{ n: number }>("select count(*)::int as n from member_profiles")).rows[0]?.n),
  settings: async () =>
    (await db.query<{ shared_buffers: string }>("show shared_buffers")).rows[0]?.shared_buffers ?? "?",
  /** Memory after full collections (needs --expose-gc), in bytes. */
  memory: async () => {
    for (let i = 0; i < 3; i += 1) {
      globalThis.gc?.();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { gc: typeof globalThis.gc === "function", ...process.memoryUsage() };
  },
};
export type PgliteHandlers = typeof handlers;

process.on("SIGTERM", () => {
  void db.close().finally(() => process.exit(0));
});

serve(handlers, { sharedBuffers: sharedBuffers ?? "default" });
