import type { Env } from "../env.ts";
import type { Metrics } from "../observability/metrics.ts";
import { type CachedLoader, createCachedLoader } from "./cached-upstream.ts";
import type { SharedTier } from "./shared-tier.ts";
import { type CachedBytes, createSwrCache } from "./swr-cache.ts";

// Every cached CrowdTwist read the BFF makes: its own fresh window, the configured stale window and
// deadline. Loaders read through the resilient client (resilient-crowdtwist.ts).

export interface CrowdTwistLoaderOptions<B extends CachedBytes = string> {
  operation: string;
  freshMs: number;
  maxEntries: number;
  onStored?: ((key: string) => void) | undefined;
  shared?: SharedTier<B> | undefined;
  intern?: ((bytes: B) => B) | undefined;
}

export function crowdTwistLoader<B extends CachedBytes = string>(
  parts: { env: Env; metrics: Metrics },
  options: CrowdTwistLoaderOptions<B>,
): CachedLoader<B> {
  return createCachedLoader<B>({
    operation: options.operation,
    upstream: "crowdtwist",
    metrics: parts.metrics,
    deadlineMs: parts.env.UPSTREAM_DEADLINE_MS,
    onStored: options.onStored,
    shared: options.shared,
    intern: options.intern,
    cache: createSwrCache<B>({
      freshMs: options.freshMs,
      // The stale window never ends before the fresh one (a load-test setting of 0 must not break it).
      staleMs: Math.max(options.freshMs, parts.env.CACHE_STALE_SECONDS * 1000),
      maxEntries: options.maxEntries,
    }),
  });
}
