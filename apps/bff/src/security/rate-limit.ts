import type { MiddlewareHandler } from "hono";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors.ts";

// Fixed one-minute windows per key (client IP, session), counted by rate-limiter-flexible. With
// REDIS_URL the counts live in Redis, so the limit holds across every instance; if Redis cannot
// answer, each instance goes on counting in its own memory (the insurance limiter) rather than
// letting everything through or refusing everyone. Without Redis the counts are per instance
// (ADR 0021). `0` turns a limit off (load tests).

export interface RateLimiter {
  /** False when the limit is off (`0`): every hit answers 0. */
  readonly enabled: boolean;
  /** Seconds to wait when over the limit, or 0 when the request may go ahead. */
  hit(key: string): Promise<number>;
}

export interface RateLimiterOptions {
  /** Shared counts; absent, this instance's memory. */
  redis?: Redis | null | undefined;
  /** Tells the keys of different limiters apart in Redis. */
  name: string;
}

const WINDOW_SECONDS = 60;

export function createRateLimiter(perMinute: number, options: RateLimiterOptions): RateLimiter {
  if (perMinute <= 0) return { enabled: false, hit: async () => 0 };
  const memory = new RateLimiterMemory({
    points: perMinute,
    duration: WINDOW_SECONDS,
    keyPrefix: `portal-rl-${options.name}`,
  });
  const limiter = options.redis
    ? new RateLimiterRedis({
        storeClient: options.redis,
        points: perMinute,
        duration: WINDOW_SECONDS,
        keyPrefix: `portal:rl:${options.name}`,
        // A client over the limit is refused from memory until its window ends: no Redis call for it.
        inMemoryBlockOnConsumed: perMinute + 1,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    enabled: true,
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
  };
}

/** Applies one limiter to each key the request yields (e.g. its IP and its session). */
export function rateLimit(
  limiter: RateLimiter,
  keys: (c: Parameters<MiddlewareHandler>[0]) => readonly (string | null)[],
): MiddlewareHandler {
  return async (c, next) => {
    for (const key of keys(c)) {
      if (key === null) continue;
      const retryAfter = await limiter.hit(key);
      if (retryAfter > 0) {
        c.header("Retry-After", String(retryAfter));
        throw new AppError(429, "rate_limited", `Too many requests. Try again in ${retryAfter} seconds.`);
      }
    }
    return next();
  };
}

/** The API's limits, made once and shared by everything that answers API requests. */
export interface ApiLimits {
  /** Every API request, per client address (sign-out excepted). */
  perIp: RateLimiter;
  /** Every signed-in API request, per session (sign-out excepted). */
  perSession: RateLimiter;
  /** Sign-in attempts, per client address. */
  signIns: RateLimiter;
}

export function createApiLimits(options: {
  perMinute: number;
  signInsPerMinute: number;
  redis?: Redis | null | undefined;
}): ApiLimits {
  const { redis } = options;
  return {
    perIp: createRateLimiter(options.perMinute, { redis, name: "ip" }),
    perSession: createRateLimiter(options.perMinute, { redis, name: "session" }),
    signIns: createRateLimiter(options.signInsPerMinute, { redis, name: "signin" }),
  };
}

export const ipLimitKey = (ip: string) => `ip:${ip}`;
export const sessionLimitKey = (idHash: string) => `session:${idHash}`;
