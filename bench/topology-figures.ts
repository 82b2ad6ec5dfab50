import {
  ACTIVITIES_PATH,
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
  SECONDS,
  sleep,
  WARMUP_SECONDS,
  withCpu,
} from "./common.ts";
import { sendPush } from "./live-push.ts";
import { type Latencies, load, summarise } from "./load.ts";
import { benchUsername } from "./members.ts";
import { openSwarm } from "./sse.ts";
import type { BenchTopology } from "./topology.ts";

// Figure 7: three BFF instances behind haproxy. The warm activities list through the proxy against
// one of the instances asked directly, and one Live Push reaching every open tab of its member on
// every instance (the store on one instance, LIVE/NOTIFY to the others, each reloading the member's
// activities through the shared Redis tier and writing to its own streams).

/** A session may hold 6 streams (a browser's connections per host); the figures open 5 per session. */
const STREAMS_PER_SESSION = 5;
const FANOUT_MEMBER = benchUsername(0);

export async function proxiedWarm(topology: BenchTopology) {
  const [first] = topology.instances;
  const [firstUrl] = topology.instanceUrls;
  if (!first || !firstUrl) throw new Error("no instances");
  const [sessionId = ""] = await first.call("sessions", ["ava"]);
  const direct = {
    url: `${firstUrl}${ACTIVITIES_PATH}`,
    connections: CONNECTIONS,
    headers: cookie(sessionId),
  };
  const proxied = { ...direct, url: `${topology.url}${ACTIVITIES_PATH}` };
  log(
    `through haproxy: warm-up ${WARMUP_SECONDS}s each, then direct/proxy/proxy/direct, ${SECONDS / 2}s each`,
  );
  await load({ ...direct, seconds: WARMUP_SECONDS });
  await load({ ...proxied, seconds: WARMUP_SECONDS });
  const all = topology.instances;
  const hitsOf = async () => Promise.all(all.map(async (i) => (await i.call("metrics")).events.hit ?? 0));
  const directA = await withCpu(all, () => load({ ...direct, seconds: SECONDS / 2 }));
  const hitsBefore = await hitsOf();
  const proxyA = await withCpu(all, () => load({ ...proxied, seconds: SECONDS / 2 }));
  const proxyB = await withCpu(all, () => load({ ...proxied, seconds: SECONDS / 2 }));
  const hitsAfter = await hitsOf();
  const directB = await withCpu(all, () => load({ ...direct, seconds: SECONDS / 2 }));
  const one = halves(directA.value, directB.value);
  const three = halves(proxyA.value, proxyB.value);
  check(one, "one instance direct");
  check(three, "through haproxy");
  const ratio = three.rps / one.rps;
  const cpuSum = (runs: { cpuMs: number[] }[]) =>
    runs.reduce((sum, run) => sum + run.cpuMs.reduce((a, b) => a + b, 0), 0);
  rows.push({
    figure: `7a. haproxy + ${all.length} instances: warm ${ACTIVITIES_PATH}`,
    value: `${fmt(three.rps)} req/s`,
    baseline: `one instance direct ${fmt(one.rps)} req/s`,
    ratio: `${ratio.toFixed(2)}×`,
    budget: "≥ 0.80× one",
    pass: ratio >= 0.8,
  });
  notes.push(
    `haproxy (deploy/haproxy.cfg, roundrobin) in front of ${all.length} BFF instances sharing one database and one Redis, ${CONNECTIONS} connections, direct/proxy/proxy/direct ${SECONDS / 2}s each; through the proxy the cache hits per instance were ${hitsAfter.map((h, i) => fmt(h - (hitsBefore[i] ?? 0))).join(" / ")}; BFF CPU (all instances) ${fmt(cpuPerRequest(cpuSum([proxyA, proxyB]), three.requests))} µs/request through the proxy vs ${fmt(cpuPerRequest(cpuSum([directA, directB]), one.requests))} direct; latency p50/p99 proxy ${three.p50Ms}/${three.p99Ms} ms, direct ${one.p50Ms}/${one.p99Ms} ms; haproxy, ${all.length} BFFs and the load generator share the 2 cores`,
  );
}

export interface FanOutFigure {
  streams: number;
  latencies: Latencies;
  perInstance: number[];
}

/**
 * `streams` tabs of one member, 5 per session, opened through haproxy or (`direct`) spread over the
 * instances in turn; then `rounds` pushes through haproxy, each timed from its send to every tab's
 * receipt of the event whose id is the version the push stored.
 */
export async function fanOut(
  topology: BenchTopology,
  options: { streams: number; rounds: number; direct: boolean },
): Promise<FanOutFigure> {
  const [first] = topology.instances;
  if (!first) throw new Error("no instances");
  const { streams, rounds } = options;
  const where = options.direct ? "directly, in turn" : "through haproxy";
  log(
    `fan-out: ${fmt(streams)} streams of ${FANOUT_MEMBER} over ${topology.instances.length} instances, ${where}`,
  );
  // The member has a stored profile (the first event of every stream).
  await sendPush(topology.url, FANOUT_MEMBER);
  const sessionIds = await createSessions(
    first,
    Array.from({ length: Math.ceil(streams / STREAMS_PER_SESSION) }, () => FANOUT_MEMBER),
  );
  const specs = Array.from({ length: streams }, (_, i) => ({
    tag: FANOUT_MEMBER,
    headers: cookie(sessionIds[Math.floor(i / STREAMS_PER_SESSION)] ?? ""),
    ...(options.direct ? { base: topology.instanceUrls[i % topology.instanceUrls.length] ?? "" } : {}),
  }));
  const openedAt = performance.now();
  const swarm = await openSwarm(topology.url, "/api/me/events", specs);
  try {
    const openMs = performance.now() - openedAt;
    const perInstance = await Promise.all(topology.instances.map((i) => i.call("streams")));
    log(`fan-out: ${swarm.open} streams open in ${fmt(openMs)} ms (${perInstance.join(" / ")} per instance)`);
    // One push every stream must have before timing starts (the first ones may still be loading).
    const settle = await sendPush(topology.url, FANOUT_MEMBER);
    const settled = await swarm.waitFor(FANOUT_MEMBER, settle.version, streams, 30_000);
    if (settled.length < streams) throw new Error(`only ${settled.length} of ${streams} streams got a push`);
    const latencies: number[] = [];
    let missing = 0;
    for (let round = 0; round < rounds; round += 1) {
      const { sentAt, version, status } = await sendPush(topology.url, FANOUT_MEMBER);
      if (status !== 200) throw new Error(`push for ${FANOUT_MEMBER} answered ${status}`);
      const receipts = await swarm.waitFor(FANOUT_MEMBER, version, streams, 5_000);
      missing += streams - receipts.length;
      for (const at of receipts) latencies.push(at - sentAt);
      await sleep(50);
    }
    const summary = summarise(latencies, missing);
    notes.push(
      `fan-out, ${fmt(streams)} streams (${where}; ${perInstance.join(" / ")} per instance; ${fmt(streams / STREAMS_PER_SESSION)} sessions of one member, opened in ${fmt(openMs)} ms): ${rounds} pushes through haproxy, sequential, each timed from its send to each stream's receipt of the complete frame in the load process (store, NOTIFY, each instance reloading the member's activities through Redis, profile read, write); p50/p90/p99 ${summary.p50.toFixed(1)}/${summary.p90.toFixed(1)}/${summary.p99.toFixed(1)} ms, ${summary.count} receipts, ${missing} missing`,
    );
    return { streams, latencies: summary, perInstance };
  } finally {
    swarm.close();
    await drained(topology);
  }
}

/**
 * Waits until no instance holds a stream: behind haproxy an instance may only learn that a client went
 * away when it next writes to it (a heartbeat, every 15 s), and the next figure must not write to those.
 */
async function drained(topology: BenchTopology) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const open = await Promise.all(topology.instances.map((i) => i.call("streams")));
    if (open.every((n) => n === 0)) return;
    if (Date.now() > deadline) {
      log(`fan-out: ${open.join(" / ")} streams still open on the instances 30 s after closing them`);
      return;
    }
    await sleep(250);
  }
}

export function fanOutRow(figure: FanOutFigure, label: string, budgetMs: number) {
  const { latencies } = figure;
  rows.push({
    figure: label,
    value: `${latencies.p99.toFixed(1)} ms`,
    baseline: `p50 ${latencies.p50.toFixed(1)} ms`,
    ratio: `${fmt(latencies.count)}/${fmt(latencies.count + latencies.failures)} received`,
    budget: `≤ ${budgetMs} ms`,
    pass: latencies.p99 <= budgetMs && latencies.failures === 0,
  });
}
