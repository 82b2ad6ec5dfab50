import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { cacheMiss, type MissFigure, type WarmFigure, warmCache } from "./cache-figures.ts";
import { fmt, log, notes, rows, type Sandbox, startSandbox } from "./common.ts";
import { feedIngest, historyPage } from "./feed-figures.ts";
import { ackLatency, ingest } from "./ingest-figures.ts";
import { cpuMs } from "./ipc.ts";
import { closePushAgent, LIVE_PUSH_API_KEY } from "./live-push.ts";
import { type MemoryFigure, memory } from "./memory-figure.ts";
import { startBenchPostgres } from "./postgres.ts";
import { printTable } from "./report.ts";
import { type BenchTopology, startTopology } from "./topology.ts";
import { fanOut, fanOutRow, proxiedWarm } from "./topology-figures.ts";

// `npm run bench`: the BFF's performance budgets, each measured against a baseline taken in the same
// run on the same machine, because the machines are noisy. This process makes the load (autocannon,
// SSE clients); children run the sandbox's CrowdTwist, each BFF (a fresh one, on a fresh database,
// per configuration) and the baselines. One throwaway PostgreSQL for the run; a durable one (fsync
// on) for the write figures; Redis and haproxy for the multi-instance figures. Loopback only. Exits
// 0 even on a MISS: a benchmark, not a test. See docs/performance.md.

const MISS_MEMBERS = Number(process.env.BENCH_MEMBERS ?? "1000");
const MEMORY_MEMBERS = Number(process.env.BENCH_MEMORY_MEMBERS ?? "10000");
const SCALE_ACTIVITIES = Number(process.env.BENCH_SCALE_ACTIVITIES ?? "300");
const SCALE_MEMORY_MEMBERS = Number(process.env.BENCH_SCALE_MEMORY_MEMBERS ?? "2000");
const INSTANCES = 3;
const FANOUT_STREAMS = 1000;
const FANOUT_ROUNDS = 20;
const SCALE_STREAMS = Number(process.env.BENCH_SCALE_STREAMS ?? "10000");
const SCALE_ROUNDS = 10;
/** Each stream is one socket here and one in its instance; the limit must leave room for the rest. */
const FILE_HANDLES_SPARE = 1000;

const startedAt = Date.now();
const loadgenCpuStart = cpuMs();

/** What this process may open (Node has no getrlimit). */
function openFileLimit(): number {
  const soft = /Max open files\s+(\d+)/.exec(readFileSync("/proc/self/limits", "utf8"))?.[1];
  return Number(soft ?? "1024");
}

/** A phase that cannot run (the BFF refuses the configuration, a child dies) is a MISS, not a crash. */
async function phase(name: string, work: () => Promise<void>) {
  // BENCH_ONLY=1,4 runs just those figures (while working on one budget).
  const only = process.env.BENCH_ONLY?.split(",");
  if (only && !only.some((figure) => name.includes(`${figure}.`))) return;
  const phaseStart = Date.now();
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} failed: ${message}`);
    rows.push({ figure: name, value: "not measured", baseline: "", ratio: "", budget: "", pass: false });
    notes.push(`${name} could not run: ${message.split("\n")[0]}`);
  }
  log(`${name}: ${fmt((Date.now() - phaseStart) / 1000)} s`);
}

/** Per-activity cost at the bigger program against the demo's: linear growth keeps the ratio ≤ 1. */
function perActivityRow(figure: string, unit: string, small: [number, number], big: [number, number]) {
  const [smallCost, smallActivities] = small;
  const [bigCost, bigActivities] = big;
  const smallPer = smallCost / smallActivities;
  const bigPer = bigCost / bigActivities;
  const digits = bigPer < 10 ? 2 : 0;
  rows.push({
    figure,
    value: `${bigPer.toFixed(digits)} ${unit}/activity (${bigActivities.toFixed(0)})`,
    baseline: `${smallPer.toFixed(digits)} ${unit}/activity (${smallActivities.toFixed(0)})`,
    ratio: `${(bigPer / smallPer).toFixed(2)}×`,
    budget: "≤ 1.00× (linear)",
    pass: bigPer <= smallPer,
  });
}

const throwaway = await startBenchPostgres({ durable: false, log });
// Held in an object: the phases' closures start them, and `let`s would be narrowed to null here.
const running: { sandbox: Sandbox | null; topology: BenchTopology | null } = {
  sandbox: null,
  topology: null,
};
const small: { warm?: WarmFigure; miss?: MissFigure; memory?: MemoryFigure } = {};
/** The topology (started on first use, stopped at the end): the same instances for 7 and 8d. */
async function instances(demo: Sandbox) {
  running.topology ??= await startTopology(demo, throwaway, {
    instances: INSTANCES,
    env: {
      LIVE_PUSH_API_KEY,
      // Every stream comes from this one address.
      LIVE_STREAMS_PER_ADDRESS: "100000",
    },
  });
  return running.topology;
}
try {
  const demo = await startSandbox({ members: Math.max(MISS_MEMBERS, MEMORY_MEMBERS) });
  running.sandbox = demo;
  const program = `demo, ${(demo.ready as { activities: number }).activities} activities`;
  await phase("1. warm cache and 304", async () => {
    small.warm = await warmCache(demo, throwaway, { figure: "1.", program, budgets: true });
  });
  await phase("2./3. cache miss and coalescing", async () => {
    small.miss = await cacheMiss(demo, throwaway, {
      figure: "2b.",
      program,
      budgets: true,
      unloaded: true,
      coalescing: true,
    });
  });
  await phase("4. memory", async () => {
    small.memory = await memory(demo, throwaway, {
      figure: "4.",
      program,
      budgets: true,
      members: MEMORY_MEMBERS,
    });
  });
  await phase("5./6. Live Push ingest and acknowledgement, fsync on", async () => {
    const durable = await startBenchPostgres({ durable: true, log });
    try {
      await ingest(demo, durable);
      await ackLatency(demo, durable);
    } finally {
      durable.stop();
    }
  });
  await phase("9. Data Push feed ingest, fsync on", async () => {
    const durable = await startBenchPostgres({ durable: true, log });
    try {
      await feedIngest(demo, durable);
    } finally {
      durable.stop();
    }
  });
  await phase("10. points history page among 1,000,000 rows", async () => {
    await historyPage(demo, throwaway);
  });
  await phase("7. haproxy and 3 instances", async () => {
    const topology = await instances(demo);
    await proxiedWarm(topology);
    const proxied = await fanOut(topology, { streams: FANOUT_STREAMS, rounds: FANOUT_ROUNDS, direct: false });
    fanOutRow(proxied, `7b. push → ${fmt(FANOUT_STREAMS)} streams on ${INSTANCES} instances: p99`, 100);
  });
  await phase("8d. fan-out at scale", async () => {
    // The load process holds one socket per stream, and haproxy's maxconn (deploy/haproxy.cfg, 9,000)
    // is below 10,000: these streams connect to the instances directly, in turn, and so does their
    // baseline, the same figure with 1,000 streams.
    const streams = Math.min(SCALE_STREAMS, openFileLimit() - FILE_HANDLES_SPARE);
    if (streams < SCALE_STREAMS) log(`fan-out at scale: the open-file limit allows ${fmt(streams)} streams`);
    const topology = await instances(demo);
    const base = await fanOut(topology, { streams: FANOUT_STREAMS, rounds: FANOUT_ROUNDS, direct: true });
    const big = await fanOut(topology, { streams, rounds: SCALE_ROUNDS, direct: true });
    fanOutRow(big, `8d. push → ${fmt(streams)} streams on ${INSTANCES} instances, direct: p99`, 100);
    const last = rows.at(-1);
    if (last) {
      // Like 8a–c, a figure of how cost grows: p99 per stream against the 1,000-stream baseline must
      // not be higher (linear). An absolute 100 ms is out of reach of two cores whatever the code:
      // each event is one socket write per stream (~40 µs of CPU here), 10,000 of them ≈ 400 ms of
      // CPU for two cores. It is printed beside the ratio.
      const perStream = big.latencies.p99 / streams / (base.latencies.p99 / base.streams);
      last.baseline = `${fmt(base.streams)} direct: p99 ${base.latencies.p99.toFixed(1)} ms`;
      last.ratio = `${perStream.toFixed(2)}× per stream; ${last.ratio}`;
      last.budget = "≤ 1.00× per stream (linear)";
      last.pass = perStream <= 1 && big.latencies.failures === 0;
    }
  });
  await running.topology?.stop();
  running.topology = null;
  await phase(`8. scaling to ${SCALE_ACTIVITIES} activities`, async () => {
    log(`scaling: a sandbox whose program has ${SCALE_ACTIVITIES} activities`);
    const big = await startSandbox({
      members: Math.max(MISS_MEMBERS, SCALE_MEMORY_MEMBERS),
      activities: SCALE_ACTIVITIES,
    });
    try {
      const label = `${SCALE_ACTIVITIES} activities`;
      const warm = await warmCache(big, throwaway, { figure: "8.", program: label, budgets: false });
      const miss = await cacheMiss(big, throwaway, {
        figure: "8.",
        program: label,
        budgets: false,
        unloaded: false,
        coalescing: false,
      });
      const filled = await memory(big, throwaway, {
        figure: "8.",
        program: label,
        budgets: false,
        members: SCALE_MEMORY_MEMBERS,
      });
      if (small.warm) {
        perActivityRow(
          "8a. warm: BFF CPU per activity",
          "µs",
          [small.warm.cpuUs, small.warm.activities],
          [warm.cpuUs, warm.activities],
        );
      }
      if (small.miss) {
        perActivityRow(
          "8b. miss: BFF CPU per activity",
          "µs",
          [small.miss.cpuUs, small.miss.activities],
          [miss.cpuUs, miss.activities],
        );
      }
      if (small.memory) {
        // Memory per cached member, per activity in its list (the miss figure's members, same templates).
        perActivityRow(
          "8c. memory per cached member per activity",
          "KB",
          [small.memory.perMember / 1024, small.miss?.activities ?? Number.NaN],
          [filled.perMember / 1024, miss.activities],
        );
      }
    } finally {
      await big.stop();
    }
  });
} finally {
  await running.topology?.stop();
  await running.sandbox?.stop();
  throwaway.stop();
  closePushAgent();
}

printTable(rows, {
  title: `BFF performance budgets — ${new Date().toISOString()} — node ${process.version}, ${availableParallelism()} cores`,
  notes: [
    ...notes,
    `load generator (this process) CPU ${fmt(cpuMs() - loadgenCpuStart)} ms; whole run ${fmt((Date.now() - startedAt) / 1000)} s`,
  ],
});
