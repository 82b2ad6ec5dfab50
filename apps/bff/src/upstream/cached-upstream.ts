import { untilAborted } from "@portal/upstream-http/until-aborted";
import type { CacheEvent, Metrics } from "../observability/metrics.ts";
import { deadlineSignal, isDeadlineExceeded } from "./deadline.ts";
import { failureKind } from "./failure-kind.ts";
import type { SharedTier } from "./shared-tier.ts";
import { createSingleFlight } from "./single-flight.ts";
import { type CachedBytes, type CacheEntry, createSwrCache, type SwrCache } from "./swr-cache.ts";
import { type UpstreamName, UpstreamUnavailableError } from "./upstream-unavailable-error.ts";

/*
 * Cached upstream reads: the one door every member-facing upstream read goes through.
 *
 * Why: members should see their data fast, and when CrowdTwist or Alida is down they should see
 * the last good data with an honest "updated N minutes ago" rather than a blank page. So, per key
 * (a member id and what is read for them):
 *
 * - fresh (age <= freshMs): answer from the cache; the upstream is not asked.
 * - stale (age <= staleMs): answer from the cache at once and refresh it in the background. If that
 *   refresh fails, the entry remembers it (`lastFailureAt`) and later answers say `degraded: true`:
 *   the upstream could not be reached since `fetchedAt`. A successful refresh clears it.
 * - stale and degraded: the member is already looking at old data, so a request waits a moment
 *   (`refreshWaitMs`) for the refresh it starts: the first request after the upstream recovers gets
 *   fresh data, and a "Try again" visibly does something.
 * - missing, or older than staleMs: load now, for at most `deadlineMs`. If the upstream is
 *   unreachable but an entry within the stale window appeared meanwhile, serve it as degraded;
 *   otherwise the caller gets UpstreamUnavailableError.
 *
 * Every load goes through single-flight (one upstream request per key at a time, however many
 * members or tabs ask) and is aborted at `deadlineMs`, so a joiner never waits on a load that hangs.
 * Retries and the circuit breaker apply to each upstream call the loader makes (a resilient client),
 * not to the loader as a whole: a loader may read other cached loaders without nesting breaker calls.
 *
 * What is a failure is the loader's call: it throws for anything it does not want cached. A definitive
 * answer such as CrowdTwist's 404 `page_not_found` ("not enrolled") is rethrown to the caller, never
 * replaced by cached data; when a background refresh gets one, the entry is dropped so the next
 * request sees the answer. A loader that wants to cache such an answer can return bytes for it.
 *
 * Joiners share the first caller's loader, so a key must identify the request completely.
 */

export interface CachedLoaderOptions<B extends CachedBytes = string> {
  /** Stable name (e.g. `crowdtwist_user_activities`): the metrics' `cache` and `operation` label. */
  operation: string;
  /** Whose data this is, for the error a caller gets when nothing can be served. */
  upstream: UpstreamName;
  metrics: Metrics;
  /** Holds the fresh and stale windows and the clock. Default: `createSwrCache()`. */
  cache?: SwrCache<B> | undefined;
  /** The longest a load may run, and a caller wait for it. Default 4 s. */
  deadlineMs?: number | undefined;
  /** How long a request for a degraded entry waits for its refresh before answering from it. Default 1 s. */
  refreshWaitMs?: number | undefined;
  /** Told after new bytes are stored for a key (a load or a refresh succeeded). */
  onStored?: ((key: string) => void) | undefined;
  /** A tier shared with the other instances (shared-tier.ts); absent, this instance loads alone. */
  shared?: SharedTier<B> | undefined;
  /** Maps new bytes to the copy to keep (e.g. one copy of equal bodies: shared-bytes.ts). */
  intern?: ((bytes: B) => B) | undefined;
}

/** The data's age as the browser gets it (JSON-safe): enough for an "updated N minutes ago" banner. */
export interface Freshness {
  /** ISO 8601. */
  fetchedAt: string;
  ageSeconds: number;
  degraded: boolean;
}

export interface CachedResult<B extends CachedBytes = string> {
  bytes: B;
  /** When the upstream gave these bytes; the "updated N minutes ago" of the banner. */
  fetchedAt: Date;
  ageSeconds: number;
  /** The upstream failed to answer since `fetchedAt`; say so to the member. */
  degraded: boolean;
  /** The three fields above, ready to serialise next to the bytes. */
  freshness: Freshness;
}

/**
 * What a loader returns when part of its upstream reads failed but the rest is worth showing: cached
 * as degraded, so it is served with the banner and every request retries until a whole answer.
 */
export class IncompleteBytes<B extends CachedBytes = string> {
  readonly bytes: B;
  constructor(bytes: B) {
    this.bytes = bytes;
  }
}

export type Loader<B extends CachedBytes = string> = (signal: AbortSignal) => Promise<B | IncompleteBytes<B>>;

export interface CachedLoader<B extends CachedBytes = string> {
  load(key: string, loader: Loader<B>): Promise<CachedResult<B>>;
  /** Resolves when every background refresh started so far has settled (shutdown, tests). */
  idle(): Promise<void>;
  /**
   * Drops a key here and in the shared tier, so the next load asks the upstream (it is known to have
   * changed); resolves once the shared tier has dropped it too: false when it could not be told.
   */
  forget(key: string): Promise<boolean>;
  /** Drops a key from this instance only (another instance has forgotten it everywhere). */
  forgetHere(key: string): void;
  /** Drops everything this instance holds (it may have missed announcements); the shared tier keeps its. */
  forgetAllHere(): void;
  /** What is cached for `key` (fresh, stale or degraded), without asking the upstream. */
  peek(key: string): CachedResult<B> | undefined;
  /**
   * For each key, in order, the bytes `load` would answer at once, without a load or a refresh: those
   * of a fresh entry (counted as a hit, as `load` counts it), else undefined and nothing counted —
   * then call `load`. For callers that read many program-wide keys per request and want no promise
   * for a hit; the keys are read at one clock reading and their hits counted at once.
   */
  freshMany(keys: readonly string[]): (B | undefined)[];
  /** As `fresh`, with the answer's age and banner (what `load` resolves to). */
  freshResult(key: string): CachedResult<B> | undefined;
}

export function createCachedLoader<B extends CachedBytes = string>(
  options: CachedLoaderOptions<B>,
): CachedLoader<B> {
  const { operation, upstream, metrics } = options;
  const deadlineMs = options.deadlineMs ?? 4_000;
  const refreshWaitMs = options.refreshWaitMs ?? 1_000;
  const cache = options.cache ?? createSwrCache<B>();
  // One labelled child per event, bound once: a hit is counted on every warm request.
  const counters = new Map<CacheEvent, { inc(value?: number): void }>();
  const count = (event: CacheEvent, times = 1) => {
    let counter = counters.get(event);
    if (!counter) {
      counter = metrics.cacheEvents.labels({ cache: operation, event });
      counters.set(event, counter);
    }
    counter.inc(times);
  };
  const flights = createSingleFlight<CacheEntry<B>>({
    onJoin: () => metrics.singleFlightJoins.inc({ operation }),
  });
  const background = new Set<Promise<void>>();

  // The load whose answer may be kept, per key: a `forget` during a load means the upstream changed
  // after that load read it, so its answer goes to its own callers but is not cached.
  const current = new Map<string, object>();

  // Joins the running load for `key`, or starts one that is aborted at the deadline.
  const fetchAndStore = (key: string, loader: Loader<B>) =>
    flights.run(key, async () => {
      const token = {};
      current.set(key, token);
      const deadline = deadlineSignal(deadlineMs);
      try {
        const { value: loaded, fetchedAt } = options.shared
          ? await untilAborted(
              options.shared.load(key, () => loader(deadline.signal), deadline.signal),
              deadline.signal,
            )
          : { value: await untilAborted(loader(deadline.signal), deadline.signal), fetchedAt: undefined };
        const intern = options.intern ?? ((bytes: B) => bytes);
        if (current.get(key) !== token) {
          const at = Math.min(fetchedAt ?? cache.now(), cache.now());
          const bytes = intern(loaded instanceof IncompleteBytes ? loaded.bytes : loaded);
          return { bytes, fetchedAt: at, lastFailureAt: loaded instanceof IncompleteBytes ? at : null };
        }
        const entry =
          loaded instanceof IncompleteBytes
            ? cache.set(key, intern(loaded.bytes), { incomplete: true })
            : cache.set(key, intern(loaded), { fetchedAt });
        options.onStored?.(key);
        return entry;
      } finally {
        deadline.clear();
        if (current.get(key) === token) current.delete(key);
      }
    });

  function answer(entry: CacheEntry<B>, degraded = entry.lastFailureAt !== null): CachedResult<B> {
    if (degraded) count("served_degraded");
    const fetchedAt = new Date(entry.fetchedAt);
    const ageSeconds = Math.floor(Math.max(0, cache.now() - entry.fetchedAt) / 1000);
    return {
      bytes: entry.bytes,
      fetchedAt,
      ageSeconds,
      degraded,
      freshness: { fetchedAt: fetchedAt.toISOString(), ageSeconds, degraded },
    };
  }

  /** A fresh hit's entry, counted as a hit (one rule for `load` and `freshResult`); else undefined. */
  function freshEntry(hit: ReturnType<SwrCache<B>["get"]>): CacheEntry<B> | undefined {
    if (hit?.state !== "fresh") return undefined;
    count("hit");
    return hit.entry;
  }

  /** Refreshes a cached entry in the background (or joins the load already on its way). */
  function revalidate(key: string, entry: CacheEntry<B>, loader: Loader<B>): Promise<CacheEntry<B>> {
    if (flights.has(key)) return fetchAndStore(key, loader);
    count("revalidate");
    const flight = fetchAndStore(key, loader);
    const task: Promise<void> = flight
      .then(
        () => undefined,
        (error: unknown) => {
          count("revalidate_failed");
          if (failureKind(error) === "answer") cache.delete(key);
          else cache.markFailure(key, entry.fetchedAt);
        },
      )
      .finally(() => background.delete(task));
    background.add(task);
    return flight;
  }

  /** Drops the cached entry, and any load running for it: later callers start a new one. */
  function forgetHere(key: string) {
    cache.delete(key);
    current.delete(key);
    flights.detach(key);
  }

  const unavailable = (cause: unknown) =>
    isDeadlineExceeded(cause)
      ? new UpstreamUnavailableError({ upstream, operation, reason: "failed", cause })
      : cause;

  return {
    async forget(key) {
      forgetHere(key);
      return (await options.shared?.delete(key)) ?? true;
    },
    forgetHere,
    forgetAllHere() {
      cache.clear();
      for (const key of [...current.keys()]) forgetHere(key);
    },
    peek(key) {
      const hit = cache.get(key);
      return hit ? answer(hit.entry) : undefined;
    },
    freshMany(keys) {
      const at = cache.now();
      let hits = 0;
      const found = keys.map((key) => {
        const hit = cache.get(key, at);
        if (hit?.state !== "fresh") return undefined;
        hits += 1;
        return hit.entry.bytes;
      });
      if (hits > 0) count("hit", hits);
      return found;
    },
    freshResult(key) {
      const entry = freshEntry(cache.get(key));
      return entry && answer(entry);
    },
    async load(key, loader) {
      const hit = cache.get(key);
      const warm = freshEntry(hit);
      if (warm) return answer(warm);
      if (hit) {
        count("stale");
        const refreshing = revalidate(key, hit.entry, loader);
        if (hit.entry.lastFailureAt === null) return answer(hit.entry);
        const refreshed = await settledWithin(refreshing, refreshWaitMs);
        return refreshed ? answer(refreshed) : answer(hit.entry, true);
      }
      count("miss");
      // A caller that starts the load is bounded by the load's own deadline; one that joins a load
      // already under way waits no longer than its own.
      const wait = flights.has(key) ? deadlineSignal(deadlineMs) : null;
      try {
        const flight = fetchAndStore(key, loader);
        return answer(await (wait ? untilAborted(flight, wait.signal) : flight));
      } catch (error) {
        const fallback = failureKind(error) === "answer" ? undefined : cache.get(key);
        if (!fallback) throw unavailable(error);
        cache.markFailure(key, fallback.entry.fetchedAt);
        return answer(fallback.entry, true);
      } finally {
        wait?.clear();
      }
    },
    async idle() {
      await Promise.allSettled([...background]);
    },
  };
}

/** The entry, if `flight` succeeds within `ms`; otherwise null (the flight goes on). */
function settledWithin<T>(flight: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([flight.catch(() => null), timeout]).finally(() => clearTimeout(timer));
}
