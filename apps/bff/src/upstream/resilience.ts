import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  isBrokenCircuitError,
  retry,
} from "cockatiel";
import type { BreakerStateValue, Metrics, UpstreamOutcome } from "../observability/metrics.ts";
import { failureKind, isRetryable, isTimeout } from "./failure-kind.ts";
import { type UpstreamName, UpstreamUnavailableError } from "./upstream-unavailable-error.ts";

// Retry and circuit breaker for one upstream. Retry sits outside the breaker, so every attempt is
// one sample for the breaker and an open breaker stops a retry loop at once. The per-call timeout
// and the keep-alive pool live in the clients (undici), which turn both into typed errors.

export interface ResilienceOptions {
  upstream: UpstreamName;
  metrics: Metrics;
  /** Extra attempts after the first, for idempotent requests only. Default 2. */
  retries?: number | undefined;
  /** First backoff delay before jitter. Default 50 ms. */
  initialDelayMs?: number | undefined;
  /** Ceiling for any single backoff delay. Default 400 ms. */
  maxDelayMs?: number | undefined;
  /** Consecutive unhealthy attempts that open the breaker. Default 5. */
  breakerThreshold?: number | undefined;
  /** How long the breaker stays open before one trial request may pass. Default 10 s. */
  halfOpenAfterMs?: number | undefined;
}

export interface UpstreamRequest {
  /** A stable name such as `user_activities`, used as a metrics label; never a member id. */
  operation: string;
  /** Only idempotent reads (GET) are retried. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
}

export type BreakerState = "closed" | "half-open" | "open";

export interface UpstreamResilience {
  readonly upstream: UpstreamName;
  /**
   * Runs `call` under the policy. Throws UpstreamUnavailableError when the breaker is open or every
   * attempt failed; a definitive upstream answer (404, 401…) is rethrown unchanged.
   */
  execute<T>(request: UpstreamRequest, call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Cockatiel moves from open to half-open lazily, on the first call after `halfOpenAfterMs`. */
  breakerState(): BreakerState;
}

const STATES: Record<CircuitState, { name: BreakerState; value: BreakerStateValue }> = {
  [CircuitState.Closed]: { name: "closed", value: 0 },
  [CircuitState.HalfOpen]: { name: "half-open", value: 1 },
  [CircuitState.Open]: { name: "open", value: 2 },
  [CircuitState.Isolated]: { name: "open", value: 2 },
};

// An answer travels through the breaker as a value, so the breaker records the call as a success.
type Attempt<T> = { value: T } | { answer: unknown };

export function createUpstreamResilience(options: ResilienceOptions): UpstreamResilience {
  const { upstream, metrics } = options;
  const breaker = circuitBreaker(
    handleWhen((error) => failureKind(error) === "transient"),
    {
      halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    },
  );
  const retrying = retry(handleWhen(isRetryable), {
    maxAttempts: options.retries ?? 2,
    // The default generator is decorrelated jitter, so a crowd of members does not retry in step.
    backoff: new ExponentialBackoff({
      initialDelay: options.initialDelayMs ?? 50,
      maxDelay: options.maxDelayMs ?? 400,
    }),
  });

  metrics.circuitBreakerState.set({ upstream }, 0);
  breaker.onStateChange((state) => metrics.circuitBreakerState.set({ upstream }, STATES[state].value));

  const observe = (operation: string, outcome: UpstreamOutcome, startedAt: number) =>
    metrics.upstreamRequestDuration.observe(
      { upstream, operation, outcome },
      (performance.now() - startedAt) / 1000,
    );

  async function attempt<T>(operation: string, call: () => Promise<T>): Promise<Attempt<T>> {
    const startedAt = performance.now();
    try {
      const value = await call();
      observe(operation, "ok", startedAt);
      return { value };
    } catch (error) {
      observe(operation, isTimeout(error) ? "timeout" : "error", startedAt);
      if (failureKind(error) === "answer") return { answer: error };
      throw error;
    }
  }

  async function execute<T>(request: UpstreamRequest, call: (signal: AbortSignal) => Promise<T>) {
    const { operation } = request;
    const once = (signal: AbortSignal | undefined) =>
      breaker.execute(({ signal: inner }) => attempt(operation, () => call(inner)), signal);
    let result: Attempt<T>;
    try {
      result = request.idempotent
        ? await retrying.execute(({ attempt: retryNo, signal }) => {
            if (retryNo > 0) metrics.upstreamRetries.inc({ upstream, operation });
            return once(signal);
          }, request.signal)
        : await once(request.signal);
    } catch (error) {
      if (isBrokenCircuitError(error)) {
        // Refused without touching the network: zero seconds, so the histogram's count still shows it.
        metrics.upstreamRequestDuration.observe({ upstream, operation, outcome: "circuit_open" }, 0);
        throw new UpstreamUnavailableError({ upstream, operation, reason: "circuit_open", cause: error });
      }
      if (isRetryable(error)) {
        throw new UpstreamUnavailableError({ upstream, operation, reason: "failed", cause: error });
      }
      throw error;
    }
    if ("answer" in result) throw result.answer;
    return result.value;
  }

  return { upstream, execute, breakerState: () => STATES[breaker.state].name };
}
