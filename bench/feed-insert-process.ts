import { openDatabase } from "@portal/bff/db/database";
import { migrate } from "@portal/bff/db/migrate";
import { cpuMs, serve } from "./ipc.ts";
import { benchUsername } from "./members.ts";

// The feed ingest baseline (figure 9), alone in its own process: no HTTP, no BFF, just a loop of
// single-row writes into each feed's own table (the BFF's migrations, on a database of its own), over
// BENCH_INSERT_DATABASE_URL with as many connections, each one statement at a time, as the load has
// on the webhook. The same write the feed's store makes for one message, without the rest of its
// statement (the completion counts, the announcement).

const databaseUrl = process.env.BENCH_INSERT_DATABASE_URL;
if (!databaseUrl) throw new Error("BENCH_INSERT_DATABASE_URL is not set");
const connections = Number(process.env.BENCH_INSERT_CONNECTIONS ?? "10");
const db = await openDatabase({ databaseUrl, maxConnections: connections });
await migrate(db);

type Feed = "user_activity" | "user_redemption" | "points_expiration" | "user_segmentation";

const INSERT: Record<Feed, string> = {
  user_activity: `
insert into member_activity_history
  (user_activity_id, member_key, activity_id, points, occurred_at, activity_name, translated_title, reference_id, received_at)
values ($1, $2, '101', 80, $3, 'added gender', null, null, now())
on conflict (user_activity_id) do nothing returning id`,
  user_redemption: `
insert into member_redemptions (order_id, member_key, order_date, reward_id, reward_group_id, title, received_at)
values ($1, $2, $3, '947563', '12345', '$20 Gift Card', now())
on conflict (order_id) do nothing returning order_id`,
  points_expiration: `
insert into member_point_expirations as stored (member_key, message_date, content_hash, expiring, received_at)
values ($2, $3, $1, '[{"points":200,"date":"2030-01-01T00:00:00.000Z"}]'::jsonb, now())
on conflict (member_key) do update set message_date = excluded.message_date, content_hash = excluded.content_hash,
  expiring = excluded.expiring, received_at = excluded.received_at
where excluded.message_date > stored.message_date returning member_key`,
  user_segmentation: `
insert into member_segments as stored
  (member_key, segment_type, subscription_id, name, event, trigger, date_occurred, content_hash, received_at)
values ($2, 'segment', '2001', 'New York Members', 'entered', 'segment criteria', $3, $1, now())
on conflict (member_key, segment_type, subscription_id) do update set event = excluded.event,
  date_occurred = excluded.date_occurred, content_hash = excluded.content_hash, received_at = excluded.received_at
where excluded.date_occurred > stored.date_occurred returning member_key`,
};

let turn = 0;
const handlers = {
  /** `connections` loops for `seconds`: member `turn % members`, each write a new message. */
  insert: async (arg: { feed: Feed; seconds: number; members: number; epoch: number }) => {
    const cpuBefore = cpuMs();
    const started = performance.now();
    const until = started + arg.seconds * 1000;
    let count = 0;
    let written = 0;
    const loop = async () => {
      while (performance.now() < until) {
        const n = turn++;
        const result = await db.query(INSERT[arg.feed], [
          `bench-${n}`,
          benchUsername(n % arg.members),
          new Date((arg.epoch + n) * 1000),
        ]);
        count += 1;
        written += result.length;
      }
    };
    await Promise.all(Array.from({ length: connections }, loop));
    return { count, written, ms: performance.now() - started, cpuMs: cpuMs() - cpuBefore };
  },
};
export type FeedInsertHandlers = typeof handlers;

process.on("SIGTERM", () => {
  void db.close().finally(() => process.exit(0));
});

serve(handlers, { connections });
