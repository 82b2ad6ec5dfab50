import {
  type BffReady,
  check,
  cookie,
  cpuPerRequest,
  fmt,
  halves,
  log,
  notes,
  rows,
  type Sandbox,
  SECONDS,
  startBff,
  WARMUP_SECONDS,
  withCpu,
} from "./common.ts";
import { pg } from "./deps.ts";
import type { FeedInsertHandlers } from "./feed-insert-process.ts";
import { BENCH_FEEDS, FEED_EPOCH, feedLoad } from "./feed-pushes.ts";
import { start } from "./ipc.ts";
import { LIVE_PUSH_API_KEY } from "./live-push.ts";
import { load } from "./load.ts";
import type { BenchPostgres } from "./postgres.ts";

// Figures 9 and 10, the Data Push feeds beyond the profile (docs/decisions/0030):
// 9. each feed's ingest on PostgreSQL with fsync on, against a bare loop of single-row writes into
//    the same table on the same server at the same concurrency, in the same run;
// 10. a member's points history page, 10,000 of their entries among 1,000,000 rows: p99 of the API's
//     answer, every request a different page of the member's history.

const FEED_MEMBERS = Number(process.env.BENCH_INGEST_MEMBERS ?? "5000");
const FEED_CONNECTIONS = 10;
const HISTORY_ROWS = 1_000_000;
const HISTORY_MEMBER = "ava";
const HISTORY_MEMBER_ENTRIES = 10_000;
const HISTORY_PAGE = 20;
const HISTORY_CONNECTIONS = 10;
/**
 * The budget is a member's wait for a page, so it is measured at a steady rate (as the ack latency
 * is), not at saturation, where p99 would measure the queue of 10 connections; the saturated
 * throughput and CPU per page are printed beside it.
 */
const HISTORY_RATE = 200;

export async function feedIngest(sandbox: Sandbox, durable: BenchPostgres) {
  log(
    `feed ingest: bare insert loop and the BFF, both on PostgreSQL with fsync on, ${FEED_CONNECTIONS} connections`,
  );
  const bare = await start<FeedInsertHandlers>(new URL("./feed-insert-process.ts", import.meta.url), {
    env: {
      BENCH_INSERT_DATABASE_URL: await durable.createDatabase(),
      BENCH_INSERT_CONNECTIONS: String(FEED_CONNECTIONS),
    },
  });
  const bff = await startBff(sandbox, await durable.createDatabase(), { LIVE_PUSH_API_KEY });
  try {
    const { url } = bff.ready as BffReady;
    for (const feed of BENCH_FEEDS) {
      const push = (seconds: number) =>
        feedLoad(url, feed, { seconds, members: FEED_MEMBERS, connections: FEED_CONNECTIONS });
      const bareRun = (seconds: number) =>
        bare.call("insert", { feed, seconds, members: FEED_MEMBERS, epoch: FEED_EPOCH });
      log(
        `feed ingest ${feed}: warm-up ${WARMUP_SECONDS}s each, then bare/BFF/BFF/bare, ${SECONDS / 2}s each`,
      );
      await bareRun(WARMUP_SECONDS);
      await push(WARMUP_SECONDS);
      const before = await bff.call("feeds");
      const bareA = await bareRun(SECONDS / 2);
      const bffA = await withCpu([bff], () => push(SECONDS / 2));
      const bffB = await withCpu([bff], () => push(SECONDS / 2));
      const bareB = await bareRun(SECONDS / 2);
      const after = await bff.call("feeds");
      const pushes = halves(bffA.value, bffB.value);
      check(pushes, `BFF ${feed} ingest`);
      const acked = pushes.rps * (pushes.ok / Math.max(1, pushes.requests));
      const bareRate = ((bareA.count + bareB.count) * 1000) / (bareA.ms + bareB.ms);
      const ratio = acked / bareRate;
      const delta = (kind: keyof typeof after) => (after[kind][feed] ?? 0) - (before[kind][feed] ?? 0);
      rows.push({
        figure: `9. ${feed} ingest, fsync on, ${FEED_CONNECTIONS} connections`,
        value: `${fmt(acked)} messages/s`,
        baseline: `bare insert loop ${fmt(bareRate)}/s`,
        ratio: `${ratio.toFixed(2)}×`,
        budget: "≥ 0.60× bare",
        pass: ratio >= 0.6,
      });
      notes.push(
        `${feed} ingest (fsync on, as figure 5): ${FEED_MEMBERS} members in round robin, every message new; BFF ${pushes.requests} messages (${pushes.ok} 2xx; stored ${delta("accepted")}, duplicate ${delta("duplicates")}, stale ${delta("outOfOrder")}, refused ${delta("refused")}), p50/p99 ${pushes.p50Ms}/${pushes.p99Ms} ms, ${fmt(cpuPerRequest((bffA.cpuMs[0] ?? 0) + (bffB.cpuMs[0] ?? 0), pushes.requests))} µs CPU per message; bare loop ${bareA.count + bareB.count} single-row writes (${bareA.written + bareB.written} written) over ${FEED_CONNECTIONS} pooled connections, one at a time each: no HTTP, no validation, no completion counts, no NOTIFY`,
      );
    }
  } finally {
    await bare.stop();
    await bff.stop();
  }
}

/** 1,000,000 history rows, HISTORY_MEMBER_ENTRIES of them the member's, written by the database itself. */
async function fillHistory(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const every = HISTORY_ROWS / HISTORY_MEMBER_ENTRIES;
    await client.query(`
      insert into member_activity_history
        (user_activity_id, member_key, activity_id, points, occurred_at, activity_name, received_at)
      select 'bench-' || g,
             case when g % ${every} = 0 then '${HISTORY_MEMBER}' else 'bench-' || lpad((g % 99991)::text, 5, '0') end,
             (101 + g % 24)::text,
             case when g % 13 = 0 then -300 else 25 + g % 100 end,
             now() - (${HISTORY_ROWS} - g) * interval '30 seconds',
             'activity ' || (101 + g % 24),
             now()
        from generate_series(1, ${HISTORY_ROWS}) as g`);
    await client.query("analyze member_activity_history");
  } finally {
    await client.end();
  }
}

export async function historyPage(sandbox: Sandbox, postgres: BenchPostgres) {
  const databaseUrl = await postgres.createDatabase();
  const bff = await startBff(sandbox, databaseUrl);
  try {
    log(
      `history page: ${fmt(HISTORY_ROWS)} rows, ${fmt(HISTORY_MEMBER_ENTRIES)} of them ${HISTORY_MEMBER}'s`,
    );
    const filling = performance.now();
    await fillHistory(databaseUrl);
    log(`history page: filled in ${fmt((performance.now() - filling) / 1000)} s`);
    const { url } = bff.ready as BffReady;
    const [sessionId = ""] = await bff.call("sessions", [HISTORY_MEMBER]);
    // Every page of the member's history, walked once: the load asks for them in turn.
    const paths: string[] = [];
    for (let cursor: string | null = ""; cursor !== null; ) {
      const path = `/api/me/history?limit=${HISTORY_PAGE}${cursor ? `&cursor=${cursor}` : ""}`;
      paths.push(path);
      const response = await fetch(`${url}${path}`, { headers: cookie(sessionId) });
      if (response.status !== 200)
        throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      cursor = ((await response.json()) as { next: string | null }).next;
    }
    let turn = 0;
    const next = () => ({ path: paths[turn++ % paths.length] ?? "/api/me/history" });
    const run = (seconds: number, overallRate?: number) =>
      load({
        url,
        connections: HISTORY_CONNECTIONS,
        seconds,
        headers: cookie(sessionId),
        next,
        ...(overallRate ? { overallRate } : {}),
      });
    await run(WARMUP_SECONDS, HISTORY_RATE);
    const measured = await run(SECONDS, HISTORY_RATE);
    const bare = await load({
      url: `${url}/bench/bare`,
      connections: HISTORY_CONNECTIONS,
      seconds: SECONDS / 2,
      overallRate: HISTORY_RATE,
    });
    const saturated = await withCpu([bff], () => run(SECONDS / 2));
    check(measured, "history page");
    check(saturated.value, "history page, saturated");
    const { p99Ms, p50Ms, requests, ok } = measured;
    rows.push({
      figure: `10. history page, ${fmt(HISTORY_MEMBER_ENTRIES)} entries among ${fmt(HISTORY_ROWS)}: p99`,
      value: `${p99Ms} ms`,
      baseline: `bare route p99 ${bare.p99Ms} ms`,
      ratio: `${p99Ms >= bare.p99Ms ? "+" : "−"}${Math.abs(p99Ms - bare.p99Ms)} ms`,
      budget: "≤ 20 ms",
      pass: p99Ms <= 20 && measured.non2xx === 0 && measured.errors === 0,
    });
    rows.push({
      figure: "    (history page, saturated)",
      value: `${fmt(saturated.value.rps)} pages/s`,
      baseline: `${fmt(cpuPerRequest(saturated.cpuMs[0] ?? 0, saturated.value.requests))} µs BFF CPU/page`,
      ratio: `p99 ${saturated.value.p99Ms} ms`,
      budget: "info",
      pass: null,
    });
    notes.push(
      `history page: GET /api/me/history?limit=${HISTORY_PAGE}, ${HISTORY_CONNECTIONS} connections at ${HISTORY_RATE}/s (autocannon overallRate, latencies corrected for coordinated omission), ${SECONDS}s after a ${WARMUP_SECONDS}s warm-up at that rate, each request the next of the member's ${paths.length} pages (first to last, by cursor); ${requests} requests (${ok} 2xx) at ${fmt(measured.rps)}/s, p50/p99 ${p50Ms}/${p99Ms} ms (whole ms); bare route at the same rate p50/p99 ${bare.p50Ms}/${bare.p99Ms} ms; saturated (no rate limit, ${SECONDS / 2}s) ${fmt(saturated.value.rps)} pages/s, p50/p99 ${saturated.value.p50Ms}/${saturated.value.p99Ms} ms, ${fmt(cpuPerRequest(saturated.cpuMs[0] ?? 0, saturated.value.requests))} µs BFF CPU per page`,
    );
  } finally {
    await bff.stop();
  }
}
