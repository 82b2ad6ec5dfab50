import { untilAborted } from "@portal/upstream-http/until-aborted";
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
import { DeadlineExceededError, deadlineSignal } from "./deadline.ts";
import { failureKind, isRetryable, isTimeout } from "./failure-kind.ts";
import { type UpstreamName, UpstreamUnavailableError } from "./upstream-unavailable-error.ts";

// Retry and circuit breaker for one upstream, under one overall deadline. Retry sits outside the
// breaker, so every attempt is one sample for the breaker and an open breaker stops a retry loop at
// once. The deadline sits above both: whatever the upstream or the breaker does (a hang, a slow
// retry loop, a half-open trial that other calls wait on), `execute` settles within it, and an
// attempt cut short by it counts as a failure — a half-open trial that never finished must not close
// the breaker, nor leave it waiting. The per-attempt timeout and the keep-alive pool live in the
// clients (undici), which turn both into typed errors.
//
// Calls must not nest: a call made inside another call's `call` would, in the half-open state, wait
// for the decision of the trial it is itself part of.

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
  /** How long the breaker stays open before one trial request may pass. Default 5 s. */
  halfOpenAfterMs?: number | undefined;
  /** Overall time for one `execute`, retries, backoff and breaker waits included. Default 4 s. */
  deadlineMs?: number | undefined;
}

export interface UpstreamCall {
  /** A stable name such as `user_activities`, used as a metrics label; never a member id. */
  operation: string;
  /** Only idempotent reads (GET) are retried. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
}

/** What this instance last saw of the upstream, for the public status page. */
export interface UpstreamHealth {
  /** ok: answering · degraded: its last attempt failed · down: the breaker is not closed. */
  state: "ok" | "degraded" | "down";
  /** Epoch ms of the last attempt that got an answer, or null. */
  lastSuccessAt: number | null;
  /** Epoch ms of the last attempt that failed (timeout, 5xx, connection), or null. */
  lastFailureAt: number | null;
}

export type BreakerState = "closed" | "half-open" | "open";

export interface UpstreamResilience {
  readonly upstream: UpstreamName;
  /**
   * Runs `call` under the policy. Throws UpstreamUnavailableError when the breaker is open or every
   * attempt failed; a definitive upstream answer (404, 401…) is rethrown unchanged.
   */
  execute<T>(request: UpstreamCall, call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Cockatiel moves from open to half-open lazily, on the first call after `halfOpenAfterMs`. */
  breakerState(): BreakerState;
  health(): UpstreamHealth;
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
      halfOpenAfter: options.halfOpenAfterMs ?? 5_000,
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

  const deadlineMs = options.deadlineMs ?? 4_000;
  let lastSuccessAt: number | null = null;
  let lastFailureAt: number | null = null;

  async function attempt<T>(
    operation: string,
    call: (signal: AbortSignal) => Promise<T>,
    signal: AbortSignal,
  ): Promise<Attempt<T>> {
    const startedAt = performance.now();
    try {
      if (signal.aborted) throw signal.reason;
      const value = await call(signal);
      observe(operation, "ok", startedAt);
      lastSuccessAt = Date.now();
      return { value };
    } catch (caught) {
      // Cut short by the deadline (or by whoever passed the signal): a failure for the breaker, even
      // if the client reported it as the bare abort reason.
      const error =
        signal.aborted && failureKind(caught) !== "transient"
          ? new DeadlineExceededError(deadlineMs, `${upstream} ${operation}`)
          : caught;
      observe(operation, isTimeout(error) ? "timeout" : "error", startedAt);
      if (failureKind(error) === "answer") {
        lastSuccessAt = Date.now();
        return { answer: error };
      }
      if (failureKind(error) === "transient") lastFailureAt = Date.now();
      throw error;
    }
  }

  async function execute<T>(request: UpstreamCall, call: (signal: AbortSignal) => Promise<T>) {
    const { operation } = request;
    const once = (signal: AbortSignal) =>
      breaker.execute(({ signal: inner }) => attempt(operation, call, inner), signal);
    const deadline = deadlineSignal(deadlineMs, request.signal);
    let result: Attempt<T>;
    try {
      // untilAborted: a call waiting on the breaker's half-open decision does not watch the signal.
      result = await untilAborted(
        request.idempotent
          ? retrying.execute(({ attempt: retryNo, signal }) => {
              if (retryNo > 0) metrics.upstreamRetries.inc({ upstream, operation });
              return once(signal);
            }, deadline.signal)
          : once(deadline.signal),
        deadline.signal,
      );
    } catch (caught) {
      const error =
        deadline.signal.aborted && failureKind(caught) === "other"
          ? new DeadlineExceededError(deadlineMs, `${upstream} ${operation}`)
          : caught;
      if (isBrokenCircuitError(error)) {
        // Refused without touching the network: zero seconds, so the histogram's count still shows it.
        metrics.upstreamRequestDuration.observe({ upstream, operation, outcome: "circuit_open" }, 0);
        throw new UpstreamUnavailableError({ upstream, operation, reason: "circuit_open", cause: error });
      }
      if (isRetryable(error)) {
        throw new UpstreamUnavailableError({ upstream, operation, reason: "failed", cause: error });
      }
      throw error;
    } finally {
      deadline.clear();
    }
    if ("answer" in result) throw result.answer;
    return result.value;
  }

  const breakerState = () => STATES[breaker.state].name;
  return {
    upstream,
    execute,
    breakerState,
    health() {
      const failedLast = lastFailureAt !== null && (lastSuccessAt === null || lastFailureAt > lastSuccessAt);
      const state = breakerState() !== "closed" ? "down" : failedLast ? "degraded" : "ok";
      return { state, lastSuccessAt, lastFailureAt };
    },
  };
}
