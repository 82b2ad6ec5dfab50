import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/*
 * Memory back after a burst. A burst of work (cache misses after a restart, a wave of sign-ins) grows
 * V8's heap; once its garbage is collected, V8 keeps the freed pages in its pool, resident, so the
 * process's RSS stays at the burst's peak for good (measured: ~390 MB for a BFF holding ~175 MB of
 * data, sessions and cached lists of 10,000 members). Regular collections and V8's memory reducer
 * leave that pool alone; a "last resort" collection gives it back.
 *
 * So when this instance has been quiet for a while (its event loop busy under `quietBelow` of the time
 * over the last `everyMs`) and its RSS has grown `minGrowthBytes` past what it held after the last
 * release, it runs one: a full, compacting collection of a heap of a few tens of MB (tens of ms), at
 * most once per `minIntervalMs`, never while it is busy. A loaded instance keeps its memory (it is
 * using it); an instance whose load has passed gives back what the load left.
 */

export interface MemoryReleaseOptions {
  /** How often the instance looks. Default 10 s. */
  everyMs?: number;
  /** Event-loop utilisation under which the instance counts as quiet. Default 0.05. */
  quietBelow?: number;
  /** RSS growth since the last release that makes one worth it. Default 64 MiB. */
  minGrowthBytes?: number;
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
  }
}

export function startMemoryRelease(options: MemoryReleaseOptions = {}) {
  const everyMs = options.everyMs ?? 10_000;
  const quietBelow = options.quietBelow ?? 0.05;
  const minGrowthBytes = options.minGrowthBytes ?? 64 * 1024 * 1024;
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const gc = lastResortGc();
  let floor = process.memoryUsage.rss();
  let lastAt = Number.NEGATIVE_INFINITY;
  let last: MemoryRelease | null = null;
  let utilisation = performance.eventLoopUtilization();

  function release(): MemoryRelease | null {
    if (!gc) return null;
    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    gc({ type: "major", execution: "sync", flavor: "last-resort" });
    const rssAfter = process.memoryUsage.rss();
    floor = rssAfter;
    lastAt = performance.now();
    last = { rssBefore, rssAfter, ms: lastAt - started, at: performance.timeOrigin + lastAt };
    options.onRelease?.(last);
    return last;
  }

  const timer = setInterval(() => {
    const busy = performance.eventLoopUtilization(utilisation).utilization;
    utilisation = performance.eventLoopUtilization();
    if (busy >= quietBelow || performance.now() - lastAt < minIntervalMs) return;
    if (process.memoryUsage.rss() - floor < minGrowthBytes) return;
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
