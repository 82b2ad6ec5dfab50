import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { IncompleteBytes } from "./cached-upstream.ts";
import type { CachedBytes } from "./swr-cache.ts";

/*
 * The second tier of a cached loader, shared by every BFF instance through Redis: what one instance
 * loaded from the upstream, the others serve without asking again, and a key that is cold everywhere
 * is loaded by one instance only (a lock in Redis), the others waiting for its answer. With each
 * instance's own single-flight in front, 200 concurrent cold requests over 3 instances make one
 * upstream call.
 *
 * Redis is an accelerator: if it cannot answer, the instance loads by itself (its own single-flight
 * still holds), so a Redis outage costs upstream calls, never answers. Incomplete answers (part of
 * the upstream failed) are not shared: each instance keeps retrying them.
 */

export interface SharedLoad<B extends CachedBytes> {
  value: B | IncompleteBytes<B>;
  /** When the upstream gave these bytes (the shared entry's time, when it came from Redis). */
  fetchedAt: number;
}

export interface SharedTier<B extends CachedBytes> {
  load(
    key: string,
    produce: () => Promise<B | IncompleteBytes<B>>,
    signal: AbortSignal,
  ): Promise<SharedLoad<B>>;
  /** Drops the shared entry (the data is known to have changed); false when Redis could not be told. */
  delete(key: string): Promise<boolean>;
}

export interface RedisTierOptions<B extends Uint8Array> {
  redis: Redis;
  /** A connection for subscriptions only. */
  subscriber: Redis;
  /** Names this tier's keys (e.g. `activities`). */
  name: string;
  /** A shared entry younger than this is served instead of asking the upstream. */
  freshMs: number;
  /** How long Redis keeps an entry. */
  ttlMs: number;
  /** How long a loader may hold a key's lock (its deadline). */
  lockMs: number;
  onError: (error: unknown) => void;
  /**
   * The bytes read back from Redis as what this tier's loaders made them (e.g. `storedJson`): no
   * other code writes under the tier's name.
   */
  revive: (stored: Uint8Array) => B;
  now?: () => number;
}

// Deletes the lock only while it is still ours (it may have expired and been taken by another).
const RELEASE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
// Stores an entry only if the key was not forgotten since its load began (its generation is the one
// read then): a load that read the upstream before a push must not put the old answer back.
const STORE_IF_CURRENT =
  "if (redis.call('get', KEYS[2]) or '0') == ARGV[2] then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 1 else return 0 end";
// Forgets: a new generation, unique (a counter that expired would start again at a value a running
// load may hold), so loads that began before it will not store; no entry; and no lock (a load after
// the change must not wait for one that read the upstream before it).
const FORGET =
  "redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2]) return redis.call('del', KEYS[1], KEYS[3])";
// Takes the lock and reads the generation in one step (so no lock is left taken without a loader).
const TAKE =
  "if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return redis.call('get', KEYS[2]) or '0' else return false end";
const HEADER = 8;
/** How often a waiter looks again when no "stored" message came (a lost message, a crashed loader). */
const POLL_MS = 100;

function encode(bytes: Uint8Array, fetchedAt: number): Buffer {
  const out = Buffer.allocUnsafe(HEADER + bytes.byteLength);
  out.writeDoubleBE(fetchedAt, 0);
  out.set(bytes, HEADER);
  return out;
}

function decode(stored: Buffer): { bytes: Uint8Array; fetchedAt: number } | null {
  if (stored.byteLength < HEADER) return null;
  // A copy: the reply may be a slice of a larger socket buffer that it would otherwise keep alive.
  return { fetchedAt: stored.readDoubleBE(0), bytes: Uint8Array.prototype.slice.call(stored, HEADER) };
}

export function createRedisTier<B extends Uint8Array>(options: RedisTierOptions<B>): SharedTier<B> {
  const now = options.now ?? Date.now;
  const prefix = `portal:cache:${options.name}:`;
  const channel = `portal:cache:${options.name}:stored`;
  const waiting = new Map<string, Set<() => void>>();
  let subscribed = false;
  options.subscriber.on("message", (from: string, key: string) => {
    if (from !== channel) return;
    for (const wake of waiting.get(key) ?? []) wake();
  });

  /** Subscribes to the "stored" messages once; tried again on the next load while Redis is away. */
  function subscribe() {
    if (subscribed) return;
    subscribed = true;
    options.subscriber.subscribe(channel).catch((error: unknown) => {
      subscribed = false;
      options.onError(error);
    });
  }

  /**
   * Listens for `key`'s "stored" message from now on: registered before Redis is read, so a message
   * sent between that read and the wait is not missed. Resolves on the message, after POLL_MS, or on
   * abort; `cancel` stops listening.
   */
  function listenForStored(key: string, signal: AbortSignal): { stored: Promise<void>; cancel: () => void } {
    let wake = () => {};
    const stored = new Promise<void>((resolve) => {
      wake = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", wake);
        const set = waiting.get(key);
        set?.delete(wake);
        if (set?.size === 0) waiting.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, POLL_MS);
      signal.addEventListener("abort", wake);
      const set = waiting.get(key) ?? new Set();
      set.add(wake);
      waiting.set(key, set);
    });
    return { stored, cancel: () => wake() };
  }

  async function read(key: string) {
    const stored = await options.redis.getBuffer(prefix + key);
    return stored ? decode(stored) : null;
  }

  return {
    async load(key, produce, signal) {
      subscribe();
      const lockKey = `${prefix}${key}:lock`;
      // A waiter gives up on another instance's load after half its deadline and loads alone: a lock
      // whose holder died must not cost the member an answer.
      const waitUntil = now() + options.lockMs / 2;
      while (!signal.aborted) {
        const token = randomBytes(12).toString("base64url");
        let generation: string | null = null;
        const listening = listenForStored(key, signal);
        try {
          const hit = await read(key);
          if (hit && now() - hit.fetchedAt < options.freshMs) {
            listening.cancel();
            return { value: options.revive(hit.bytes), fetchedAt: hit.fetchedAt };
          }
          generation = (await options.redis.eval(
            TAKE,
            2,
            lockKey,
            `${prefix}${key}:gen`,
            token,
            options.lockMs,
          )) as string | null;
        } catch (error) {
          // Redis cannot answer: load alone.
          listening.cancel();
          options.onError(error);
          return { value: await produce(), fetchedAt: now() };
        }
        if (generation === null) {
          if (now() < waitUntil) {
            await listening.stored;
            continue;
          }
          listening.cancel();
          return { value: await produce(), fetchedAt: now() };
        }
        listening.cancel();
        try {
          const value = await produce();
          const fetchedAt = now();
          if (!(value instanceof IncompleteBytes)) {
            await options.redis
              .eval(
                STORE_IF_CURRENT,
                2,
                prefix + key,
                `${prefix}${key}:gen`,
                encode(value, fetchedAt),
                generation,
                options.ttlMs,
              )
              .then(() => options.redis.publish(channel, key))
              .catch(options.onError);
          }
          return { value, fetchedAt };
        } finally {
          options.redis.eval(RELEASE, 1, lockKey, token).catch(options.onError);
        }
      }
      throw signal.reason;
    },
    async delete(key) {
      try {
        await options.redis.eval(
          FORGET,
          3,
          prefix + key,
          `${prefix}${key}:gen`,
          `${prefix}${key}:lock`,
          randomBytes(9).toString("base64url"),
          Math.max(options.ttlMs, options.lockMs * 2),
        );
        return true;
      } catch (error) {
        options.onError(error);
        return false;
      }
    },
  };
}
