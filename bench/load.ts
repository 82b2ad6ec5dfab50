import { Agent, get } from "node:http";
import autocannon from "autocannon";

// The two ways the benchmark makes load: autocannon for throughput (many connections, bounded in
// time), and a one-connection loop timed with performance.now() for unloaded latency, because
// autocannon's latency histogram counts whole milliseconds and the miss budget is half of one.

export interface Throughput {
  rps: number;
  requests: number;
  ok: number;
  /** 304 Not Modified answers (counted in non2xx too). */
  notModified: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds?: number;
  amount?: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  /** A fixed request rate over all connections (autocannon's `overallRate`); unlimited when absent. */
  overallRate?: number;
  /** Called once per request (shared by every connection): the path, headers and body to send. */
  next?: () => { path: string; headers?: Record<string, string>; body?: string };
}

export async function load(options: LoadOptions): Promise<Throughput> {
  const { next } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    headers: options.headers ?? {},
    timeout: 10,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    ...(next
      ? {
          requests: [
            {
              method: options.method ?? "GET",
              setupRequest: (request) => {
                const { path, headers, body } = next();
                return {
                  ...request,
                  path,
                  ...(headers ? { headers: { ...request.headers, ...headers } } : {}),
                  ...(body !== undefined ? { body } : {}),
                };
              },
            },
          ],
        }
      : {}),
  });
  const requests = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  const latency = result.latency as autocannon.Histogram & { p50: number; p99: number };
  return {
    rps: requests / result.duration,
    requests,
    ok: result["2xx"],
    notModified: result["3xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
  };
}

export interface Latencies {
  count: number;
  failures: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export interface SequentialTarget {
  /** Called before each request: the URL and headers to send. */
  next: () => { url: URL; headers: Record<string, string> };
}

/** One keep-alive connection per target; the targets take turns, request by request, so drift hits both. */
export async function alternate(
  targets: SequentialTarget[],
  options: { warmup: number; seconds: number },
): Promise<Latencies[]> {
  const agents = targets.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
  const samples = targets.map(() => [] as number[]);
  const failures = targets.map(() => 0);
  const once = (index: number) =>
    new Promise<number>((resolve, reject) => {
      const target = targets[index];
      if (!target) throw new Error(`no target ${index}`);
      const { url, headers } = target.next();
      const started = performance.now();
      get(url, { agent: agents[index], headers }, (res) => {
        res.resume();
        res.on("end", () => {
          const ms = performance.now() - started;
          if (res.statusCode !== 200) failures[index] = (failures[index] ?? 0) + 1;
          resolve(ms);
        });
      }).on("error", reject);
    });
  for (let i = 0; i < options.warmup; i += 1) for (let t = 0; t < targets.length; t += 1) await once(t);
  const until = performance.now() + options.seconds * 1000;
  while (performance.now() < until) {
    for (let t = 0; t < targets.length; t += 1) samples[t]?.push(await once(t));
  }
  for (const agent of agents) agent.destroy();
  return samples.map((values, t) => summarise(values, failures[t] ?? 0));
}

export function summarise(values: number[], failures: number): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, failures, p50: at(0.5), p90: at(0.9), p99: at(0.99), mean };
}

/** Fires `count` identical GETs at once over `count` connections opened (and warmed) beforehand. */
export async function burst(
  base: string,
  path: string,
  headers: Record<string, string>,
  count: number,
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  const one = (p: string, h: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      get(new URL(p, base), { agent, headers: h }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      }).on("error", reject);
    });
  await Promise.all(Array.from({ length: count }, () => one("/api/health", {})));
  const statuses = await Promise.all(Array.from({ length: count }, () => one(path, headers)));
  agent.destroy();
  return statuses;
}
