import type { CacheEvent, Metrics } from "../observability/metrics.ts";
import { failureKind } from "./failure-kind.ts";
import type { UpstreamResilience } from "./resilience.ts";
import { createSingleFlight } from "./single-flight.ts";
import { type CachedBytes, type CacheEntry, createSwrCache, type SwrCache } from "./swr-cache.ts";

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
 * - missing, or older than staleMs: load now. If the upstream is unreachable but an entry within the
 *   stale window appeared meanwhile, serve it as degraded; otherwise the caller gets the error.
 *
 * Every load goes through single-flight (one upstream request per key at a time, however many
 * members or tabs ask) and through the upstream's retry and circuit breaker.
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
  resilience: UpstreamResilience;
  metrics: Metrics;
  /** Holds the fresh and stale windows and the clock. Default: `createSwrCache()`. */
  cache?: SwrCache<B> | undefined;
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

export interface CachedLoader<B extends CachedBytes = string> {
  load(key: string, loader: (signal: AbortSignal) => Promise<B>): Promise<CachedResult<B>>;
  /** Resolves when every background refresh started so far has settled (shutdown, tests). */
  idle(): Promise<void>;
  /** Drops a key, so the next load asks the upstream (it is known to have changed). */
  forget(key: string): void;
}

export function createCachedLoader<B extends CachedBytes = string>(
  options: CachedLoaderOptions<B>,
): CachedLoader<B> {
  const { operation, resilience, metrics } = options;
  const cache = options.cache ?? createSwrCache<B>();
  const count = (event: CacheEvent) => metrics.cacheEvents.inc({ cache: operation, event });
  const flights = createSingleFlight<CacheEntry<B>>({
    onJoin: () => metrics.singleFlightJoins.inc({ operation }),
  });
  const background = new Set<Promise<void>>();

  const fetchAndStore = (key: string, loader: (signal: AbortSignal) => Promise<B>) =>
    flights.run(key, async () => {
      const bytes = await resilience.execute({ operation, idempotent: true }, loader);
      return cache.set(key, bytes);
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

  function revalidate(key: string, entry: CacheEntry<B>, loader: (signal: AbortSignal) => Promise<B>) {
    if (flights.has(key)) return; // a load for this key is already on its way
    count("revalidate");
    const task: Promise<void> = fetchAndStore(key, loader)
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
  }

  return {
    forget: (key) => cache.delete(key),
    async load(key, loader) {
      const hit = cache.get(key);
      if (hit?.state === "fresh") {
        count("hit");
        return answer(hit.entry);
      }
      if (hit) {
        count("stale");
        revalidate(key, hit.entry, loader);
        return answer(hit.entry);
      }
      count("miss");
      try {
        return answer(await fetchAndStore(key, loader));
      } catch (error) {
        const fallback = failureKind(error) === "answer" ? undefined : cache.get(key);
        if (!fallback) throw error;
        cache.markFailure(key, fallback.entry.fetchedAt);
        return answer(fallback.entry, true);
      }
    },
    async idle() {
      await Promise.allSettled([...background]);
    },
  };
}
