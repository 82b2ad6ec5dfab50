import {
  BARE_PATH,
  type BffReady,
  check,
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
import { start } from "./ipc.ts";
import { LIVE_PUSH_API_KEY, nextPush, PUSH_EPOCH, PUSH_HEADERS, pushLoad } from "./live-push.ts";
import { load } from "./load.ts";
import type { BenchPostgres } from "./postgres.ts";
import type { UpsertHandlers } from "./upsert-process.ts";

// Figures 5 and 6: Live Push deliveries stored by the BFF on a PostgreSQL with fsync on, against a
// bare upsert loop on the same server at the same concurrency, and the acknowledgement latency at
// a steady realistic rate.

/** Members whose profiles are pushed in round robin. */
const INGEST_MEMBERS = Number(process.env.BENCH_INGEST_MEMBERS ?? "5000");
const INGEST_CONNECTIONS = 10;
const INGEST_AIM = 3000;
const ACK_RATE = 200;
const ACK_CONNECTIONS = 10;
const liveEnv = { LIVE_PUSH_API_KEY };

export async function ingest(sandbox: Sandbox, durable: BenchPostgres) {
  log(
    `ingest: bare upsert loop and the BFF, both on PostgreSQL with fsync on, ${INGEST_CONNECTIONS} connections`,
  );
  const bare = await start<UpsertHandlers>(new URL("./upsert-process.ts", import.meta.url), {
    env: {
      BENCH_UPSERT_DATABASE_URL: await durable.createDatabase(),
      BENCH_UPSERT_CONNECTIONS: String(INGEST_CONNECTIONS),
    },
  });
  const bff = await startBff(sandbox, await durable.createDatabase(), liveEnv);
  try {
    const { url } = bff.ready as BffReady;
    const push = (seconds: number) =>
      pushLoad(url, { seconds, members: INGEST_MEMBERS, connections: INGEST_CONNECTIONS });
    const bareRun = (seconds: number) =>
      bare.call("upsert", { seconds, members: INGEST_MEMBERS, epoch: PUSH_EPOCH });
    log(`ingest: warm-up ${WARMUP_SECONDS}s each, then bare/BFF/BFF/bare, ${SECONDS / 2}s each`);
    await bareRun(WARMUP_SECONDS);
    await push(WARMUP_SECONDS);
    const before = await bff.call("livePush");
    const bareA = await bareRun(SECONDS / 2);
    const bffA = await withCpu([bff], () => push(SECONDS / 2));
    const bffB = await withCpu([bff], () => push(SECONDS / 2));
    const bareB = await bareRun(SECONDS / 2);
    const after = await bff.call("livePush");
    const pushes = halves(bffA.value, bffB.value);
    check(pushes, "BFF ingest");
    // Acknowledged: answered 2xx (the store committed before the answer).
    const acked = pushes.rps * (pushes.ok / Math.max(1, pushes.requests));
    const bareRate = ((bareA.count + bareB.count) * 1000) / (bareA.ms + bareB.ms);
    const bareCpu = cpuPerRequest(bareA.cpuMs + bareB.cpuMs, bareA.count + bareB.count);
    const bffCpu = cpuPerRequest((bffA.cpuMs[0] ?? 0) + (bffB.cpuMs[0] ?? 0), pushes.requests);
    const ratio = acked / bareRate;
    rows.push({
      figure: `5. ingest, fsync on, ${INGEST_CONNECTIONS} connections`,
      value: `${fmt(acked)} pushes/s`,
      baseline: `bare upsert loop ${fmt(bareRate)}/s`,
      ratio: `${ratio.toFixed(2)}×`,
      budget: "≥ 0.60× bare",
      pass: ratio >= 0.6,
    });
    rows.push({
      figure: "    (ingest: acknowledged pushes/s, aim)",
      value: `${fmt(acked)} pushes/s`,
      baseline: `bare upsert loop ${fmt(bareRate)}/s`,
      ratio: `${(acked / INGEST_AIM).toFixed(2)}× aim`,
      budget: `aim ≥ ${fmt(INGEST_AIM)}/s`,
      pass: acked >= INGEST_AIM,
    });
    rows.push({
      figure: "    (CPU per push → one core's worth)",
      value: `${fmt(bffCpu)} µs/push`,
      baseline: `bare loop ${fmt(bareCpu)} µs/upsert`,
      ratio: `≈ ${fmt(1e6 / bffCpu)} pushes/s/core`,
      budget: "info",
      pass: null,
    });
    notes.push(
      `ingest (PostgreSQL with fsync on and synchronous_commit on, TCP, scripts/postgres.mjs with a dataDir; BFF and loop on two databases of the same server; Postgres's own CPU not counted): ${INGEST_MEMBERS} members in round robin, every push a newer dateLastUpdated, ${INGEST_CONNECTIONS} connections; BFF ${pushes.requests} pushes (${pushes.ok} 2xx; stored ${after.accepted - before.accepted}, duplicate ${after.duplicates - before.duplicates}, stale ${after.outOfOrder - before.outOfOrder}, refused ${after.authFailures + after.validationFailures - before.authFailures - before.validationFailures}), latency p50/p99 ${pushes.p50Ms}/${pushes.p99Ms} ms; bare loop ${bareA.count + bareB.count} upserts (${bareA.written + bareB.written} written) in ${fmt(bareA.ms + bareB.ms)} ms over ${INGEST_CONNECTIONS} pooled connections, one upsert at a time each: no HTTP, no tier history, no validation, no NOTIFY`,
    );
  } finally {
    await bare.stop();
    await bff.stop();
  }
}

export async function ackLatency(sandbox: Sandbox, durable: BenchPostgres) {
  log(
    `ack latency: fsync on, ${ACK_RATE} pushes/s, warm-up ${WARMUP_SECONDS}s each, then bare POST ${SECONDS / 2}s and BFF ${SECONDS}s`,
  );
  const bff = await startBff(sandbox, await durable.createDatabase(), liveEnv);
  try {
    const { url } = bff.ready as BffReady;
    const steady = { members: INGEST_MEMBERS, connections: ACK_CONNECTIONS, overallRate: ACK_RATE };
    const barePost = (seconds: number) =>
      load({
        url,
        method: "POST",
        connections: ACK_CONNECTIONS,
        seconds,
        overallRate: ACK_RATE,
        headers: PUSH_HEADERS,
        next: () => ({ ...nextPush(INGEST_MEMBERS), path: BARE_PATH }),
      });
    // Both paths warmed up first (JIT, pool connections), at the same rate.
    await barePost(WARMUP_SECONDS);
    await pushLoad(url, { ...steady, seconds: WARMUP_SECONDS });
    const bare = await barePost(SECONDS / 2);
    const acked = await pushLoad(url, { ...steady, seconds: SECONDS });
    check(bare, "bare POST");
    check(acked, "BFF ack");
    rows.push({
      figure: `6. ack latency at ${ACK_RATE} pushes/s: p99`,
      value: `${acked.p99Ms} ms`,
      baseline: `bare POST route ${bare.p99Ms} ms`,
      ratio: `+${acked.p99Ms - bare.p99Ms} ms`,
      budget: "≤ 25 ms",
      pass: acked.p99Ms <= 25 && acked.non2xx === 0 && acked.errors === 0,
    });
    notes.push(
      `ack latency (fsync on): autocannon overallRate ${ACK_RATE}/s over ${ACK_CONNECTIONS} connections, a ${WARMUP_SECONDS}s warm-up of each at the same rate, then bare POST ${SECONDS / 2}s and BFF ${SECONDS}s (latencies corrected for coordinated omission, whole ms); BFF ${acked.requests} pushes at ${fmt(acked.rps)}/s, p50/p99 ${acked.p50Ms}/${acked.p99Ms} ms, ${acked.non2xx} non-2xx; bare POST (reads the same bodies, fixed answer) ${bare.requests} at ${fmt(bare.rps)}/s, p50/p99 ${bare.p50Ms}/${bare.p99Ms} ms`,
    );
  } finally {
    await bff.stop();
  }
}
