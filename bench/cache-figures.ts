import {
  ACTIVITIES_PATH,
  BARE_PATH,
  type Bff,
  type BffReady,
  CONNECTIONS,
  check,
  cookie,
  cpuPerRequest,
  createSessions,
  fmt,
  halves,
  log,
  notes,
  rows,
  type Sandbox,
  type SandboxReady,
  SECONDS,
  sleep,
  startBff,
  WARMUP_SECONDS,
  withCpu,
} from "./common.ts";
import { alternate, burst, load } from "./load.ts";
import { benchUsername } from "./members.ts";
import type { BenchPostgres } from "./postgres.ts";

// Figures 1–3: the activities list from the BFF's cache (against a bare Hono route serving the same
// bytes), with If-None-Match (304), and when every request misses (against the sandbox asked directly).

const MISS_MEMBERS = Number(process.env.BENCH_MEMBERS ?? "1000");
const BURST = 200;
const BURST_UPSTREAM_LATENCY_MS = 100;

const activitiesPath = (username: string) => `/v2/users/${username}/activities?id_type=third_party_id`;

/** How many activities CrowdTwist lists for these members (what the BFF reshapes per miss), on average. */
export async function upstreamListLength(sandbox: Sandbox, usernames: string[]): Promise<number> {
  const ready = sandbox.ready as SandboxReady;
  let total = 0;
  for (const username of usernames) {
    const response = await fetch(new URL(activitiesPath(username), ready.url), {
      headers: { "x-ct-authorization": `CTApiKey ${ready.apiKey}` },
    });
    total += ((await response.json()) as unknown[]).length;
  }
  return total / usernames.length;
}

export interface WarmFigure {
  /** BFF CPU per warm request. */
  cpuUs: number;
  rps: number;
  bareRps: number;
  /** Activities in the member's list upstream. */
  activities: number;
}

/** `figure` labels the rows; `budgets` false makes them informational (the scaling repeat). */
export async function warmCache(
  sandbox: Sandbox,
  postgres: BenchPostgres,
  options: { figure: string; program: string; budgets: boolean },
): Promise<WarmFigure> {
  log(`warm cache (${options.program}): starting the BFF (default cache windows)`);
  const bff = await startBff(sandbox, await postgres.createDatabase());
  try {
    const { url } = bff.ready as BffReady;
    const [sessionId = ""] = await bff.call("sessions", ["ava"]);
    const primed = await fetch(`${url}${ACTIVITIES_PATH}`, { headers: cookie(sessionId) });
    const payload = await primed.text();
    const etag = primed.headers.get("etag");
    if (primed.status !== 200)
      throw new Error(`priming ${ACTIVITIES_PATH} answered ${primed.status}: ${payload}`);
    await bff.call("bare", payload);
    const activities = await upstreamListLength(sandbox, ["ava"]);

    const bff1 = { url: `${url}${ACTIVITIES_PATH}`, connections: CONNECTIONS, headers: cookie(sessionId) };
    const bare1 = { url: `${url}${BARE_PATH}`, connections: CONNECTIONS };
    log(`warm cache: warm-up ${WARMUP_SECONDS}s each, then bare/BFF/BFF/bare, ${SECONDS / 2}s each`);
    await load({ ...bare1, seconds: WARMUP_SECONDS });
    await load({ ...bff1, seconds: WARMUP_SECONDS });
    const before = await bff.call("metrics");
    const bareA = await withCpu([bff], () => load({ ...bare1, seconds: SECONDS / 2 }));
    const bffA = await withCpu([bff], () => load({ ...bff1, seconds: SECONDS / 2 }));
    const bffB = await withCpu([bff], () => load({ ...bff1, seconds: SECONDS / 2 }));
    const bareB = await withCpu([bff], () => load({ ...bare1, seconds: SECONDS / 2 }));
    const after = await bff.call("metrics");
    const bare = halves(bareA.value, bareB.value);
    const warm = halves(bffA.value, bffB.value);
    check(bare, "bare route");
    check(warm, "BFF warm");
    const hits = (after.events.hit ?? 0) - (before.events.hit ?? 0);
    const bareCpu = cpuPerRequest((bareA.cpuMs[0] ?? 0) + (bareB.cpuMs[0] ?? 0), bare.requests);
    const warmCpu = cpuPerRequest((bffA.cpuMs[0] ?? 0) + (bffB.cpuMs[0] ?? 0), warm.requests);
    const ratio = warm.rps / bare.rps;
    rows.push({
      figure: `${options.figure} warm cache: GET ${ACTIVITIES_PATH}${options.budgets ? "" : ` (${options.program})`}`,
      value: `${fmt(warm.rps)} req/s`,
      baseline: `bare Hono route ${fmt(bare.rps)} req/s`,
      ratio: `${ratio.toFixed(2)}×`,
      budget: options.budgets ? "≥ 0.80× bare" : "info",
      pass: options.budgets ? ratio >= 0.8 : null,
    });
    notes.push(
      `warm cache (${options.program}): payload ${fmt(payload.length)} bytes (${activities} activities listed upstream for ava), ${CONNECTIONS} connections, bare/BFF/BFF/bare ${SECONDS / 2}s each; cache hits ${hits} of ${warm.requests} BFF requests; BFF process CPU ${fmt(warmCpu)} µs/request vs bare ${fmt(bareCpu)} µs/request; latency p50/p99 BFF ${warm.p50Ms}/${warm.p99Ms} ms, bare ${bare.p50Ms}/${bare.p99Ms} ms`,
    );

    if (options.budgets) {
      if (!etag) throw new Error(`${ACTIVITIES_PATH} sent no ETag`);
      log(`304: If-None-Match ${etag}, ${SECONDS}s`);
      const revalidated = await withCpu([bff], () =>
        load({ ...bff1, headers: { ...cookie(sessionId), "if-none-match": etag }, seconds: SECONDS }),
      );
      const r = revalidated.value;
      const all304 = r.notModified === r.requests && r.errors === 0 && r.requests > 0;
      rows.push({
        figure: `1b. 304: GET ${ACTIVITIES_PATH} + If-None-Match`,
        value: `${fmt(r.rps)} req/s`,
        baseline: `200 with body ${fmt(warm.rps)} req/s`,
        ratio: `${(r.rps / warm.rps).toFixed(2)}× (${(r.rps / bare.rps).toFixed(2)}× bare)`,
        budget: "every answer 304",
        pass: all304,
      });
      notes.push(
        `304: ${r.requests} requests over ${SECONDS}s, ${r.notModified} answered 304 (${r.ok} 2xx, ${r.errors} errors), no body; BFF CPU ${fmt(cpuPerRequest(revalidated.cpuMs[0] ?? 0, r.requests))} µs/request; latency p50/p99 ${r.p50Ms}/${r.p99Ms} ms`,
      );
    }
    return { cpuUs: warmCpu, rps: warm.rps, bareRps: bare.rps, activities };
  } finally {
    await bff.stop();
  }
}

export interface MissFigure {
  /** BFF CPU per miss under load. */
  cpuUs: number;
  rps: number;
  /** Activities per member's list upstream, averaged over the members asked for. */
  activities: number;
}

/** Every request a miss: 2a unloaded (when `unloaded`), 2b under load, 3 coalescing (when `coalescing`). */
export async function cacheMiss(
  sandbox: Sandbox,
  postgres: BenchPostgres,
  options: { figure: string; program: string; budgets: boolean; unloaded: boolean; coalescing: boolean },
): Promise<MissFigure> {
  const ready = sandbox.ready as SandboxReady;
  log(`cache miss (${options.program}): the BFF with CACHE_FRESH_SECONDS=0 CACHE_STALE_SECONDS=0`);
  const bff = await startBff(sandbox, await postgres.createDatabase(), {
    CACHE_FRESH_SECONDS: "0",
    CACHE_STALE_SECONDS: "0",
  });
  try {
    const { url } = bff.ready as BffReady;
    const usernames = Array.from({ length: MISS_MEMBERS }, (_, i) => benchUsername(i));
    log(`cache miss: ${MISS_MEMBERS} sessions, one per extra sandbox member`);
    const sessionIds = await createSessions(bff, usernames);
    const activities = await upstreamListLength(sandbox, usernames.slice(0, 3));
    const apiKey = { "x-ct-authorization": `CTApiKey ${ready.apiKey}` };
    // Round robin over the members, shared by every connection: no two requests in flight (and no two
    // in the same millisecond) ask for the same member, so neither single-flight nor the cache can answer.
    let directTurn = 0;
    let bffTurn = 0;
    const nextDirect = () => activitiesPath(usernames[directTurn++ % usernames.length] ?? "");
    const nextCookie = () => cookie(sessionIds[bffTurn++ % sessionIds.length] ?? "");

    if (options.unloaded) await unloadedMiss(sandbox, bff, nextDirect, nextCookie);

    log(`cache miss, loaded: warm-up ${WARMUP_SECONDS}s, then direct and BFF ${SECONDS}s each`);
    const bffLoadOptions = {
      url,
      connections: CONNECTIONS,
      next: () => ({ path: ACTIVITIES_PATH, headers: nextCookie() }),
    };
    await load({ ...bffLoadOptions, seconds: WARMUP_SECONDS });
    const directLoad = await withCpu([sandbox, bff], () =>
      load({
        url: ready.url,
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: apiKey,
        next: () => ({ path: nextDirect() }),
      }),
    );
    await sandbox.call("reset");
    const beforeLoad = await bff.call("metrics");
    const bffLoad = await withCpu([sandbox, bff], () => load({ ...bffLoadOptions, seconds: SECONDS }));
    const afterLoad = await bff.call("metrics");
    const upstreamLoaded = await sandbox.call("requests");
    check(directLoad.value, "sandbox direct");
    check(bffLoad.value, "BFF miss");
    const loadedMisses = (afterLoad.events.miss ?? 0) - (beforeLoad.events.miss ?? 0);
    const [sbCpu = 0, bffCpu = 0] = bffLoad.cpuMs;
    const bffCpuPerReq = cpuPerRequest(bffCpu, bffLoad.value.requests);
    const sbCpuPerReq = cpuPerRequest(sbCpu, bffLoad.value.requests);
    const directSbCpuPerReq = cpuPerRequest(directLoad.cpuMs[0] ?? 0, directLoad.value.requests);
    rows.push({
      figure: `${options.figure} cache miss: BFF CPU per miss${options.budgets ? "" : ` (${options.program})`}`,
      value: `${fmt(bffCpuPerReq)} µs/req`,
      baseline: `sandbox ${fmt(sbCpuPerReq)} µs/req`,
      ratio: `≈ ${fmt(1e6 / bffCpuPerReq)} req/s/core`,
      budget: options.budgets ? "≤ 300 µs" : "info",
      pass: options.budgets ? bffCpuPerReq <= 300 : null,
    });
    rows.push({
      figure: `    (cache miss, ${CONNECTIONS} connections)`,
      value: `${fmt(bffLoad.value.rps)} req/s`,
      baseline: `sandbox direct ${fmt(directLoad.value.rps)} req/s`,
      ratio: `${(bffLoad.value.rps / directLoad.value.rps).toFixed(2)}×`,
      budget: "info",
      pass: null,
    });
    notes.push(
      `cache miss, loaded (${options.program}, ${activities.toFixed(1)} activities per member's list upstream): BFF ${bffLoad.value.requests} requests (${bffLoad.value.ok} 2xx), upstream calls ${upstreamLoaded} (cache misses ${loadedMisses}); latency p50/p99 BFF ${bffLoad.value.p50Ms}/${bffLoad.value.p99Ms} ms, direct ${directLoad.value.p50Ms}/${directLoad.value.p99Ms} ms; CPU during the BFF run: BFF ${fmt(bffCpu)} ms + sandbox ${fmt(sbCpu)} ms in ${SECONDS}s on 2 cores shared with the load generator; sandbox alone ${fmt(directSbCpuPerReq)} µs/request when asked directly`,
    );

    if (options.coalescing) await coalescing(sandbox, bff);
    return { cpuUs: bffCpuPerReq, rps: bffLoad.value.rps, activities };
  } finally {
    await bff.stop();
  }
}

async function unloadedMiss(
  sandbox: Sandbox,
  bff: Bff,
  nextDirect: () => string,
  nextCookie: () => Record<string, string>,
) {
  const ready = sandbox.ready as SandboxReady;
  const { url } = bff.ready as BffReady;
  const apiKey = { "x-ct-authorization": `CTApiKey ${ready.apiKey}` };
  log(`cache miss, unloaded: 1 connection each, alternating, ${SECONDS}s`);
  await sandbox.call("reset");
  const before = await bff.call("metrics");
  const [direct, viaBff] = await alternate(
    [
      { next: () => ({ url: new URL(nextDirect(), ready.url), headers: apiKey }) },
      { next: () => ({ url: new URL(ACTIVITIES_PATH, url), headers: nextCookie() }) },
    ],
    { warmup: 300, seconds: SECONDS },
  );
  if (!direct || !viaBff) throw new Error("no latencies");
  const upstream = await sandbox.call("requests");
  const after = await bff.call("metrics");
  const misses = (after.events.miss ?? 0) - (before.events.miss ?? 0);
  const hits = (after.events.hit ?? 0) - (before.events.hit ?? 0);
  const bffUpstream = upstream - direct.count - 300; // the warm-up's direct requests count too
  const overhead = viaBff.p50 - direct.p50;
  rows.push({
    figure: "2a. cache miss, unloaded: p50",
    value: `${viaBff.p50.toFixed(3)} ms`,
    baseline: `sandbox direct ${direct.p50.toFixed(3)} ms`,
    ratio: `+${overhead.toFixed(3)} ms`,
    budget: "≤ direct + 0.500 ms",
    pass: overhead <= 0.5,
  });
  notes.push(
    `cache miss, unloaded: ${viaBff.count} BFF requests (${viaBff.failures} not 200), ${direct.count} direct; BFF p90/p99/mean ${viaBff.p90.toFixed(3)}/${viaBff.p99.toFixed(3)}/${viaBff.mean.toFixed(3)} ms, direct ${direct.p90.toFixed(3)}/${direct.p99.toFixed(3)}/${direct.mean.toFixed(3)} ms; upstream calls from the BFF ${bffUpstream} for ${viaBff.count + 300} BFF requests, the activity catalogue's first reads included (cache events: ${misses} miss, ${hits} hit)`,
  );
}

/**
 * 200 identical cold requests at once; the cache is off, so only single-flight can keep them to one
 * upstream call. The upstream is slowed so that all 200 really are concurrent.
 */
async function coalescing(sandbox: Sandbox, bff: Bff) {
  const { url } = bff.ready as BffReady;
  log(
    `coalescing: ${BURST} concurrent identical cold requests, upstream latency ${BURST_UPSTREAM_LATENCY_MS} ms`,
  );
  const [cleo = ""] = await bff.call("sessions", ["cleo"]);
  await sandbox.call("latency", BURST_UPSTREAM_LATENCY_MS);
  // Requests the load run left queued in the BFF still reach the sandbox after autocannon stops:
  // wait until the sandbox has been quiet for half a second before counting.
  for (let quiet = false; !quiet; ) {
    await sandbox.call("reset");
    await sleep(500);
    quiet = (await sandbox.call("requests")) === 0;
  }
  const beforeBurst = await bff.call("metrics");
  const statuses = await burst(url, ACTIVITIES_PATH, cookie(cleo), BURST);
  const afterBurst = await bff.call("metrics");
  const burstUpstream = await sandbox.call("requests");
  await sandbox.call("latency", 0);
  const ok = statuses.filter((s) => s === 200).length;
  rows.push({
    figure: `3. coalescing: ${BURST} identical cold requests`,
    value: `${burstUpstream} upstream call${burstUpstream === 1 ? "" : "s"}`,
    baseline: `${ok}/${BURST} answered 200`,
    ratio: `${afterBurst.joins - beforeBurst.joins} joined`,
    budget: "exactly 1",
    pass: burstUpstream === 1 && ok === BURST,
  });
}
