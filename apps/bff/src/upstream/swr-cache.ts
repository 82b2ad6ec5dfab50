import { LruMap } from "../lru-map.ts";

// A bounded in-memory cache of serialised upstream answers for stale-while-revalidate. It keeps the
// bytes we send to the browser, not objects: a warm hit then costs a Map lookup, not a
// JSON.stringify of a member's whole activity list. Least recently used entries go first (lru-map.ts).

export type CachedBytes = string | Uint8Array;

export interface CacheEntry<B extends CachedBytes = string> {
  readonly bytes: B;
  /** Epoch ms of the upstream answer these bytes came from. */
  readonly fetchedAt: number;
  /** Epoch ms of the last failed refresh after `fetchedAt`; `null` while the upstream is reachable. */
  readonly lastFailureAt: number | null;
}

/**
 * fresh: serve as is · stale: serve and refresh · (older entries are never returned). An entry with a
 * failure recorded is never fresh: every request for it tries the upstream again.
 */
export type CacheState = "fresh" | "stale";

export interface SwrCacheOptions {
  /** Least recently used entries are evicted beyond this. Default 50,000. */
  maxEntries?: number | undefined;
  /** Age up to which an entry is served without asking the upstream. Default 30 s. */
  freshMs?: number | undefined;
  /** Age (from `fetchedAt`) up to which an entry may still be served, stale or degraded. Default 10 min. */
  staleMs?: number | undefined;
  /** Injectable clock (epoch ms) for tests. */
  now?: (() => number) | undefined;
}

export interface SwrCache<B extends CachedBytes = string> {
  /**
   * The entry and how fresh it is, or undefined when absent or older than the stale window. `at`:
   * the clock's reading, when the caller reads many keys at one moment.
   */
  get(key: string, at?: number): { entry: CacheEntry<B>; state: CacheState } | undefined;
  /**
   * `incomplete`: the bytes lack part of what the upstream should have given (stored as degraded).
   * `fetchedAt`: when the upstream gave them, if not now (they come from another instance).
   */
  set(
    key: string,
    bytes: B,
    options?: { incomplete?: boolean; fetchedAt?: number | undefined },
  ): CacheEntry<B>;
  /** Drops every entry. */
  clear(): void;
  /** Records that refreshing `key` failed, unless the entry changed since `fetchedAt`. */
  markFailure(key: string, fetchedAt: number): void;
  delete(key: string): void;
  now(): number;
  readonly size: number;
}

export function createSwrCache<B extends CachedBytes = string>(options: SwrCacheOptions = {}): SwrCache<B> {
  const maxEntries = options.maxEntries ?? 50_000;
  const freshMs = options.freshMs ?? 30_000;
  const staleMs = options.staleMs ?? 600_000;
  const now = options.now ?? Date.now;
  if (!(maxEntries >= 1 && freshMs >= 0 && staleMs >= freshMs)) {
    throw new RangeError("swr cache needs maxEntries >= 1 and 0 <= freshMs <= staleMs");
  }
  const entries = new LruMap<string, CacheEntry<B>>(maxEntries);

  return {
    get(key, at = now()) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const age = at - entry.fetchedAt;
      if (age > staleMs) {
        entries.delete(key);
        return undefined;
      }
      return { entry, state: age <= freshMs && entry.lastFailureAt === null ? "fresh" : "stale" };
    },
    set(key, bytes, { incomplete = false, fetchedAt } = {}) {
      const at = now();
      const entry = {
        bytes,
        fetchedAt: Math.min(fetchedAt ?? at, at),
        lastFailureAt: incomplete ? at : null,
      };
      entries.set(key, entry);
      return entry;
    },
    markFailure(key, fetchedAt) {
      const entry = entries.peek(key);
      if (entry?.fetchedAt === fetchedAt) entries.set(key, { ...entry, lastFailureAt: now() });
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    now,
    get size() {
      return entries.size;
    },
  };
}
