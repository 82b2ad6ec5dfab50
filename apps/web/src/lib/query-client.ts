import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error.ts";

// A 4xx will answer the same on a retry; a 5xx or a dropped connection may not. The BFF already
// retries its upstreams, so one more try from the browser is enough.
const shouldRetry = (failureCount: number, error: Error) =>
  failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
    },
  });
}
