import type { BffHandlers } from "./bff-process.ts";
import { type Child, start } from "./ipc.ts";
import type { Throughput } from "./load.ts";
import type { Row } from "./report.ts";
import type { SandboxHandlers } from "./sandbox-process.ts";

// What every figure of the benchmark shares: its knobs, the table it adds rows and notes to, and how
// it starts the sandbox and a BFF.

export const SECONDS = Number(process.env.BENCH_SECONDS ?? "10");
export const WARMUP_SECONDS = Math.min(3, Math.max(1, Math.round(SECONDS / 5)));
export const CONNECTIONS = 50;
export const SESSION_COOKIE = "__Host-portal.sid";
/** bff-process.ts's bare route (GET: the warm-cache baseline; POST: the ack-latency baseline). */
export const BARE_PATH = "/bench/bare";
export const ACTIVITIES_PATH = "/api/me/activities";

export type SandboxReady = { url: string; apiKey: string; members: number; activities: number };
export type BffReady = { url: string };
export type Sandbox = Child<SandboxHandlers>;
export type Bff = Child<BffHandlers>;

export const rows: Row[] = [];
export const notes: string[] = [];

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
export const cookie = (id: string) => ({ cookie: `${SESSION_COOKIE}=${id}` });
export const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
export const mb = (bytes: number) => bytes / 1024 / 1024;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startSandbox(options: { members: number; activities?: number }): Promise<Sandbox> {
  return start<SandboxHandlers>(new URL("./sandbox-process.ts", import.meta.url), {
    env: {
      BENCH_EXTRA_MEMBERS: String(options.members),
      ...(options.activities ? { BENCH_ACTIVITIES: String(options.activities) } : {}),
    },
  });
}

/** A BFF child on its own database (`databaseUrl`), talking to `sandbox`'s CrowdTwist. */
export function startBff(
  sandbox: Sandbox,
  databaseUrl: string,
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<Bff> {
  const ready = sandbox.ready as SandboxReady;
  // BENCH_CPU_PROF=<dir> writes a CPU profile of every BFF child there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  // BENCH_BFF_FLAGS="--max-semi-space-size=2 …": V8/Node flags for every BFF child (tuning probes).
  const flags = (process.env.BENCH_BFF_FLAGS ?? "").split(/\s+/).filter(Boolean);
  return start<BffHandlers>(new URL("./bff-process.ts", import.meta.url), {
    execArgv: [...execArgv, ...flags, ...profile],
    env: {
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      CROWDTWIST_BASE_URL: ready.url,
      CROWDTWIST_API_KEY: ready.apiKey,
      OIDC_ISSUER: `${ready.url}/oidc`,
      OIDC_CLIENT_SECRET: "bench-oidc-client-secret",
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "silent",
      ...env,
    },
  });
}

export async function createSessions(bff: Bff, usernames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < usernames.length; i += 1000) {
    ids.push(...(await bff.call("sessions", usernames.slice(i, i + 1000))));
  }
  return ids;
}

/** Runs `work` and returns its result with the CPU ms each child used meanwhile. */
export async function withCpu<T>(children: (Bff | Sandbox)[], work: () => Promise<T>) {
  const cpuOf = (child: Bff | Sandbox): Promise<number> =>
    (child as Child<{ cpu: () => number }>).call("cpu");
  const before = await Promise.all(children.map(cpuOf));
  const value = await work();
  const after = await Promise.all(children.map(cpuOf));
  return { value, cpuMs: after.map((a, i) => a - (before[i] ?? 0)) };
}

/** Two halves of one measurement (A/B/B/A runs): summed counts, the rate averaged. */
export const halves = (a: Throughput, b: Throughput): Throughput => ({
  rps: (a.rps + b.rps) / 2,
  requests: a.requests + b.requests,
  ok: a.ok + b.ok,
  notModified: a.notModified + b.notModified,
  non2xx: a.non2xx + b.non2xx,
  errors: a.errors + b.errors,
  p50Ms: Math.max(a.p50Ms, b.p50Ms),
  p99Ms: Math.max(a.p99Ms, b.p99Ms),
});

export function check(results: Throughput, what: string) {
  if (results.non2xx > 0 || results.errors > 0) {
    log(`WARNING ${what}: ${results.non2xx} non-2xx answers, ${results.errors} errors`);
  }
}

/** µs of CPU per request from the CPU ms a process used for `requests`. */
export const cpuPerRequest = (cpuMs: number, requests: number) => (cpuMs * 1000) / Math.max(1, requests);
