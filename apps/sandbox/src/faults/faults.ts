import type { MiddlewareHandler } from "hono";
import { z } from "zod";

// Fault injection so tests can watch the portal meet a slow, failing or hanging upstream, and
// request counts so they can prove how many calls really reached it.

export const UPSTREAMS = ["crowdtwist", "alida"] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export const faultRuleSchema = z
  .object({
    target: z.enum(UPSTREAMS),
    /** Added before the answer (or before the fault). */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Answer with this status and the upstream's error body instead of the real answer. */
    status: z.number().int().min(400).max(599).nullable().default(null),
    /** Never answer: the caller's timeout has to fire. */
    hang: z.boolean().default(false),
    /** How many requests the rule applies to; `null` for all until cleared. */
    times: z.number().int().min(1).nullable().default(null),
    /** Only requests whose path starts with this. */
    pathPrefix: z.string().startsWith("/").optional(),
  })
  .strict();
export type FaultRule = z.infer<typeof faultRuleSchema>;

const errorBodies: Record<Upstream, (status: number) => object> = {
  crowdtwist: (status) =>
    status >= 500
      ? { error: "internal_error", message: "Unexpected error occurred in the backend (injected fault)." }
      : { error: "invalid", message: "Injected fault." },
  alida: () => ({ message: "Injected fault" }),
};

const HANG_LIMIT_MS = 120_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function createFaults() {
  let rules: FaultRule[] = [];
  const requests: Record<Upstream, number> = { crowdtwist: 0, alida: 0 };
  // Per path too, so a test can count the calls made for one member's data.
  const paths = new Map<string, number>();
  // Header names (never values) of the last request per upstream, so tests can prove what the
  // portal does not forward (the browser's Cookie or Authorization).
  const lastHeaderNames: Record<Upstream, string[]> = { crowdtwist: [], alida: [] };

  function take(target: Upstream, path: string): FaultRule | undefined {
    const rule = rules.find((r) => r.target === target && (!r.pathPrefix || path.startsWith(r.pathPrefix)));
    if (rule?.times != null) {
      rule.times -= 1;
      if (rule.times === 0) rules = rules.filter((r) => r !== rule);
    }
    return rule;
  }

  return {
    add(rule: FaultRule) {
      rules.push({ ...rule });
    },
    clear() {
      rules = [];
    },
    rules: () => rules.map((rule) => ({ ...rule })),
    stats: () => ({
      requests: { ...requests },
      paths: Object.fromEntries(paths),
      lastHeaderNames: { ...lastHeaderNames },
    }),
    resetStats() {
      for (const upstream of UPSTREAMS) requests[upstream] = 0;
      paths.clear();
    },
    middleware(target: Upstream): MiddlewareHandler {
      return async (c, next) => {
        requests[target] += 1;
        if (paths.size < 10_000 || paths.has(c.req.path))
          paths.set(c.req.path, (paths.get(c.req.path) ?? 0) + 1);
        lastHeaderNames[target] = [...c.req.raw.headers.keys()].sort();
        const rule = take(target, c.req.path);
        if (!rule) return next();
        const signal = c.req.raw.signal;
        if (rule.latencyMs > 0) await sleep(rule.latencyMs, signal);
        if (rule.hang) {
          await sleep(HANG_LIMIT_MS, signal);
          return c.body(null, 504);
        }
        if (rule.status !== null) {
          return c.json(errorBodies[target](rule.status), rule.status as 500);
        }
        return next();
      };
    },
  };
}
export type Faults = ReturnType<typeof createFaults>;
