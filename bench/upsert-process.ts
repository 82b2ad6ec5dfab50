import { openDatabase } from "@portal/bff/db/database";
import { migrate } from "@portal/bff/db/migrate";
import { livePushBody } from "@portal/bff/live-push/profile-fixture";
import { minimiseProfile } from "@portal/bff/profile/stored-profile";
import { livePushProfileSchema } from "@portal/crowdtwist/live-push-profile";
import { cpuMs, serve } from "./ipc.ts";
import { benchUsername } from "./members.ts";

// The ingest baseline, alone in its own process: no HTTP, no BFF, just a loop of the store's upsert
// into the BFF's own table (its migrations, on a database of its own), over BENCH_UPSERT_DATABASE_URL
// with as many connections, each one upsert at a time, as the load has on the webhook.

const databaseUrl = process.env.BENCH_UPSERT_DATABASE_URL;
if (!databaseUrl) throw new Error("BENCH_UPSERT_DATABASE_URL is not set");
const connections = Number(process.env.BENCH_UPSERT_CONNECTIONS ?? "10");
const db = await openDatabase({ databaseUrl, maxConnections: connections });
await migrate(db);

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
  /** `connections` loops for `seconds`: member `turn % members`, each upsert newer than the last. */
  upsert: async (arg: { seconds: number; members: number; epoch: number }) => {
    const cpuBefore = cpuMs();
    const started = performance.now();
    const until = started + arg.seconds * 1000;
    let count = 0;
    let written = 0;
    const loop = async () => {
      while (performance.now() < until) {
        const memberKey = benchUsername(turn % arg.members);
        const dateLastUpdated = new Date((arg.epoch + turn) * 1000);
        turn += 1;
        const json = JSON.stringify({ ...template, dateLastUpdated });
        const result = await db.query(UPSERT, [memberKey, json, "bench", dateLastUpdated, new Date()]);
        count += 1;
        written += result.length;
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
    const ms = performance.now() - started;
    return { count, written, ms, cpuMs: cpuMs() - cpuBefore };
  },
};
export type UpsertHandlers = typeof handlers;

process.on("SIGTERM", () => {
  void db.close().finally(() => process.exit(0));
});

serve(handlers, { connections });
