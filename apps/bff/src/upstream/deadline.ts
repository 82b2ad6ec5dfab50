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

/** A signal that aborts with DeadlineExceededError after `ms`, or when `parent` aborts (its reason). */
export function deadlineSignal(ms: number, parent?: AbortSignal): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceededError(ms)), ms);
  timer.unref?.();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onParentAbort);
    },
  };
}

/**
 * Settles like `work`, or rejects with the signal's reason as soon as it aborts: for waits that do not
 * listen to a signal themselves (a joined flight, a breaker's half-open decision).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
