import { QueryClient } from "@tanstack/react-query";
import { ApiError, isTransient } from "./api-error.ts";
import { TIMEOUT_CODE } from "./fetch-within.ts";

// A 4xx will answer the same on a retry; a 5xx or a dropped connection may not. The BFF already
// retries its upstreams, so one more try from the browser is enough. A call that ran into the
// browser's own deadline is not tried again behind the member's back: they have waited long enough,
// and the error they now see offers the retry.
const shouldRetry = (failureCount: number, error: Error) =>
  failureCount < 1 && isTransient(error) && !(error instanceof ApiError && error.code === TIMEOUT_CODE);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
    },
  });
}
