import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

// One registry per app instance instead of prom-client's global default: tests and several apps in one
// process would otherwise collide on metric names. The lead mounts `GET /metrics` on `registry`.

export type UpstreamLabel = "crowdtwist" | "alida";
export type UpstreamOutcome = "ok" | "error" | "timeout" | "circuit_open";
export type CacheEvent = "hit" | "stale" | "miss" | "revalidate" | "revalidate_failed" | "served_degraded";
/** Numeric so dashboards can alert on `> 0`: 0 closed, 1 half-open, 2 open. */
export type BreakerStateValue = 0 | 1 | 2;

export interface Metrics {
  readonly registry: Registry;
  /** One observation per request that reached (or was refused before) the upstream, retries included. */
  readonly upstreamRequestDuration: Histogram<"upstream" | "operation" | "outcome">;
  readonly upstreamRetries: Counter<"upstream" | "operation">;
  readonly cacheEvents: Counter<"cache" | "event">;
  readonly circuitBreakerState: Gauge<"upstream">;
  readonly singleFlightJoins: Counter<"operation">;
  /** Requests answered ahead of the API's middleware chain (routes/activities-fast-path.ts). */
  readonly fastPathAnswers: Counter;
  /** Webhook deliveries answered ahead of the webhooks' middleware chain (routes/webhook-fast-path.ts). */
  readonly webhookFastPathAnswers: Counter;
}

export interface MetricsOptions {
  /** Process and Node runtime metrics (CPU, memory, event loop lag, GC). Default true. */
  defaultMetrics?: boolean | undefined;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  return {
    registry,
    upstreamRequestDuration: new Histogram({
      name: "upstream_request_duration_seconds",
      help: "Duration of requests to CrowdTwist and Alida, per attempt.",
      labelNames: ["upstream", "operation", "outcome"] as const,
      // Upstream calls time out at a few seconds; finer buckets below 1 s where the answers live.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    upstreamRetries: new Counter({
      name: "upstream_retries_total",
      help: "Retries of idempotent upstream requests after a transient failure.",
      labelNames: ["upstream", "operation"] as const,
      registers,
    }),
    cacheEvents: new Counter({
      name: "cache_events_total",
      help: "Stale-while-revalidate cache events: hit, stale, miss, revalidate, revalidate_failed, served_degraded.",
      labelNames: ["cache", "event"] as const,
      registers,
    }),
    circuitBreakerState: new Gauge({
      name: "circuit_breaker_state",
      help: "Circuit breaker per upstream: 0 closed, 1 half-open, 2 open.",
      labelNames: ["upstream"] as const,
      registers,
    }),
    singleFlightJoins: new Counter({
      name: "single_flight_joins_total",
      help: "Calls that joined an identical in-flight upstream request instead of sending their own.",
      labelNames: ["operation"] as const,
      registers,
    }),
    fastPathAnswers: new Counter({
      name: "api_fast_path_answers_total",
      help: "GET /api/me/activities answered on the warm path (session and list in this instance's memory).",
      registers,
    }),
    webhookFastPathAnswers: new Counter({
      name: "webhook_fast_path_answers_total",
      help: "Webhook deliveries (admitted sender, plain JSON body) answered ahead of the webhooks' middleware chain.",
      registers,
    }),
  };
}
