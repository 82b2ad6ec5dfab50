// A time limit for upstream work, joined with the caller's signal. One per request (CrowdTwist's
// per-call limit), or one for several requests in a row (Alida's: the token fetch, the call and its
// one 401 retry share it; the BFF's: every attempt and backoff of a resilient call). `clear()` when
// the work is done: the timer stops and the caller's signal loses its listener, so a finished call
// leaves nothing behind to fire later.

export interface Deadline {
  /** Aborts when the time is up (with `timeoutReason()`) or when the caller aborts (with the caller's reason). */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** What ended the work: the time limit or the caller, whichever came first; null while neither has. */
  endedBy(): "time" | "caller" | null;
  clear(): void;
}

const timeoutError = () => new DOMException("The operation was aborted due to timeout", "TimeoutError");

/** `timeoutReason` makes the reason the signal aborts with when the time is up; a `TimeoutError` by default. */
export function createDeadline(
  timeoutMs: number,
  caller?: AbortSignal,
  timeoutReason: () => unknown = timeoutError,
): Deadline {
  const controller = new AbortController();
  let endedBy: "time" | "caller" | null = null;
  const end = (by: "time" | "caller", reason: unknown) => {
    if (endedBy !== null) return;
    endedBy = by;
    controller.abort(reason);
  };
  const timer = setTimeout(() => end("time", timeoutReason()), timeoutMs);
  // As AbortSignal.timeout's (which cannot be cleared): an unanswered call keeps no process alive.
  timer.unref();
  const onCallerAbort = () => end("caller", caller?.reason);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timeoutMs,
    endedBy: () => endedBy,
    clear() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
}
