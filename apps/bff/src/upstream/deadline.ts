import { createDeadline, type Deadline } from "@portal/upstream-http/deadline";

// A deadline is a promise to the member: an answer, good or bad, within a bounded time. The upstream
// layer aborts its work with this error as the reason, so that whoever sees it (the breaker, the
// cache, the metrics) knows the call was cut short, not answered.

export class DeadlineExceededError extends Error {
  override readonly name = "DeadlineExceededError";
  readonly deadlineMs: number;

  constructor(deadlineMs: number, what = "upstream call") {
    super(`${what} did not finish within ${deadlineMs} ms`);
    this.deadlineMs = deadlineMs;
  }
}

export function isDeadlineExceeded(value: unknown): value is DeadlineExceededError {
  return value instanceof DeadlineExceededError;
}

/**
 * A deadline (the HTTP core's, ADR 0040) whose signal aborts with DeadlineExceededError after `ms`,
 * or when `parent` aborts (with its reason).
 */
export function deadlineSignal(ms: number, parent?: AbortSignal): Deadline {
  return createDeadline(ms, parent, () => new DeadlineExceededError(ms));
}
