import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";

// Fixed one-minute windows per key (client IP, session). In memory per instance; with several
// instances behind a balancer each enforces its own share. `0` turns a limit off (load tests).

export interface RateLimiter {
  /** Seconds to wait when over the limit, or 0 when the request may go ahead. */
  hit(key: string): number;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    hit(key) {
      if (perMinute <= 0) return 0;
      const at = now();
      if (at - lastSweep > WINDOW_MS) {
        for (const [k, w] of windows) if (at - w.start >= WINDOW_MS) windows.delete(k);
        lastSweep = at;
      }
      let window = windows.get(key);
      if (!window || at - window.start >= WINDOW_MS) {
        window = { start: at, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > perMinute ? Math.ceil((window.start + WINDOW_MS - at) / 1000) : 0;
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
      const retryAfter = limiter.hit(key);
      if (retryAfter > 0) {
        c.header("Retry-After", String(retryAfter));
        throw new AppError(429, "rate_limited", `Too many requests. Try again in ${retryAfter} seconds.`);
      }
    }
    return next();
  };
}
