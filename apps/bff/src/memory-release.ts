import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/*
 * Memory back after a burst. A burst of work (cache misses after a restart, a wave of sign-ins) grows
 * V8's heap; once its garbage is collected, V8 may keep the freed pages in its pool, resident, so the
 * process's RSS stays at the burst's peak. V8's memory reducer usually returns them once the process
 * is idle; when it does not, a "last resort" collection does.
 *
 * So this looks every `everyMs`: when the instance has been quiet (event loop busy under `quietBelow`
 * of the time) and the resident memory that neither V8's heap nor its external buffers account for
 * has grown `minGrowthBytes` past what it was at start, it runs one such collection, at most once per
 * `minIntervalMs`, and not when the live heap is large (the collection's pause grows with it). The
 * cache growing (its lists are external buffers) or the heap holding more live data never triggers
 * it: only pages kept for nothing do. MEMORY_RELEASE=off turns it off.
 */

export interface MemoryReleaseOptions {
  /** False: never look (MEMORY_RELEASE=off). Default true. */
  enabled?: boolean;
  /** How often the instance looks. Default 10 s. */
  everyMs?: number;
  /** Event-loop utilisation under which the instance counts as quiet. Default 0.02. */
  quietBelow?: number;
  /** Growth of the resident memory V8 does not account for that makes a release worth it. Default 64 MiB. */
  minGrowthBytes?: number;
  /** No release while the live heap is above this (the pause grows with it). Default 256 MiB. */
  maxHeapUsedBytes?: number;
  /** Releases are at least this far apart. Default 60 s. */
  minIntervalMs?: number;
  /** Told after each release. */
  onRelease?: (release: MemoryRelease) => void;
}

export interface MemoryRelease {
  rssBefore: number;
  rssAfter: number;
  ms: number;
  /** performance.timeOrigin-based epoch ms. */
  at: number;
}

type Gc = (options: { type: "major"; execution: "sync"; flavor: "last-resort" }) => void;

/** V8's gc function, without exposing it to every module as `--expose-gc` would. */
function lastResortGc(): Gc | null {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as Gc) : null;
  } catch {
    return null;
  } finally {
    // Only this context got it: contexts and workers made later do not.
    setFlagsFromString("--no-expose-gc");
  }
}

/** Resident memory that V8's heap and its external buffers do not account for (pools, fragmentation). */
function unaccounted(): number {
  const { rss, heapTotal, external } = process.memoryUsage();
  return rss - heapTotal - external;
}

export function startMemoryRelease(options: MemoryReleaseOptions = {}) {
  const everyMs = options.everyMs ?? 10_000;
  const quietBelow = options.quietBelow ?? 0.02;
  const minGrowthBytes = options.minGrowthBytes ?? 64 * 1024 * 1024;
  const maxHeapUsedBytes = options.maxHeapUsedBytes ?? 256 * 1024 * 1024;
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const gc = options.enabled === false ? null : lastResortGc();
  let floor = unaccounted();
  let lastAt = Number.NEGATIVE_INFINITY;
  let last: MemoryRelease | null = null;
  let utilisation = performance.eventLoopUtilization();

  function release(): MemoryRelease | null {
    if (!gc) return null;
    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    gc({ type: "major", execution: "sync", flavor: "last-resort" });
    const rssAfter = process.memoryUsage.rss();
    floor = unaccounted();
    lastAt = performance.now();
    last = { rssBefore, rssAfter, ms: lastAt - started, at: performance.timeOrigin + lastAt };
    options.onRelease?.(last);
    return last;
  }

  const timer = setInterval(() => {
    if (!gc) return;
    const busy = performance.eventLoopUtilization(utilisation).utilization;
    utilisation = performance.eventLoopUtilization();
    if (busy >= quietBelow || performance.now() - lastAt < minIntervalMs) return;
    if (unaccounted() - floor < minGrowthBytes || process.memoryUsage().heapUsed > maxHeapUsedBytes) return;
    release();
  }, everyMs);
  timer.unref();

  return {
    /** False when this Node cannot run a last-resort collection (then nothing is ever released). */
    available: gc !== null,
    /** The last release, if any. */
    last: () => last,
    stop: () => clearInterval(timer),
  };
}
export type MemoryReleaser = ReturnType<typeof startMemoryRelease>;
