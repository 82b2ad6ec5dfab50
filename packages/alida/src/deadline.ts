// One per-call time budget, combined with the caller's signal, so a slow upstream cannot hold a
// member's request longer than `timeoutMs` — across the token fetch, the call and its one retry.

export interface Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly caller: AbortSignal | undefined;
  timedOut(): boolean;
}

export function createDeadline(timeoutMs: number, caller?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(timeoutMs);
  return {
    signal: caller ? AbortSignal.any([timeout, caller]) : timeout,
    timeoutMs,
    caller,
    timedOut: () => timeout.aborted,
  };
}
