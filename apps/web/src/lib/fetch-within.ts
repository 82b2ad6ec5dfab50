import { ApiError } from "./api-error.ts";

/**
 * The browser's own deadline on every call to the BFF. The BFF answers within 5 s even when an
 * upstream hangs, so twice that only passes when the connection itself is stuck (a proxy, a
 * half-open socket after sleep): then the member gets an error with a retry instead of a skeleton
 * that never ends.
 */
export const API_TIMEOUT_MS = 10_000;

export const TIMEOUT_CODE = "browser_timeout";

/**
 * A `fetch` for the typed client that gives up after `timeoutMs`, with an `ApiError` the UI can show.
 * The caller's signal (TanStack's, cancelling a query nobody needs) still aborts as an `AbortError`.
 * The deadline also covers reading the body, so it is left running after the headers arrive; once
 * the body is read, aborting changes nothing.
 */
export function fetchWithin(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new ApiError(0, TIMEOUT_CODE, "The BFF did not answer in time", null)),
      timeoutMs,
    );
    const own = init?.signal;
    const signal = own ? AbortSignal.any([own, deadline.signal]) : deadline.signal;
    try {
      // Looked up at call time, so a test's stubbed fetch is the one used.
      return await globalThis.fetch(input, { ...init, signal });
    } catch (error) {
      clearTimeout(timer);
      // Whatever the fetch implementation rejects with, a passed deadline is a timeout.
      if (deadline.signal.aborted && !own?.aborted) throw deadline.signal.reason;
      throw error;
    }
  };
}
