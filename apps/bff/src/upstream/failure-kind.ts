import { AlidaError } from "@portal/alida/errors";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import { isTransportFailure, UpstreamHttpError } from "@portal/upstream-http/upstream-http-error";
import { isDeadlineExceeded } from "./deadline.ts";

// The single place that decides what a failed upstream call means, so retry, breaker and cache
// agree. A call that got no answer (`timeout`, `network`) reads the same from every client, through
// their shared base class (@portal/upstream-http); what an answer means is each upstream's own.
// Anything we do not recognise (a caller's abort, a bug in a loader) is `other`: it is neither
// retried nor blamed on the upstream.

export type FailureKind =
  /** The upstream is unhealthy: timeout, connection failure, 5xx. Retried, and counts for the breaker. */
  | "transient"
  /** 429: retried with backoff, but a busy upstream is not a broken one, so the breaker ignores it. */
  | "throttled"
  /** A definitive answer (404 user not found, 401, 400…): never retried, proves the upstream is up. */
  | "answer"
  | "other";

export function failureKind(error: unknown): FailureKind {
  // Cut short by our own deadline: the upstream did not answer in time, like a timeout.
  if (isDeadlineExceeded(error)) return "transient";
  // No answer: the upstream is unhealthy, or unreachable from here.
  if (isTransportFailure(error)) return "transient";
  if (error instanceof CrowdTwistError) return crowdTwistKind(error);
  if (error instanceof AlidaError) return alidaKind(error);
  return "other";
}

function crowdTwistKind(error: CrowdTwistError): FailureKind {
  if (error.status === 429) return "throttled";
  // The client reports a 2xx it could not use (not JSON, the wrong shape, a body over its bound) as
  // 502 `bad_response`, exactly like a gateway's HTML 502. Retrying a schema mismatch cannot help,
  // and letting one member's odd record open the breaker for everyone is worse than missing a
  // gateway 502, so it is `other`.
  if (error.code === "bad_response" && error.status === 502) return "other";
  if (error.status >= 500) return "transient";
  if (error.status >= 400) return "answer";
  return "other";
}

function alidaKind(error: AlidaError): FailureKind {
  switch (error.code) {
    case "upstream_error":
      return "transient";
    case "rate_limited":
      return "throttled";
    case "unauthorized":
    case "forbidden":
    case "not_found":
    case "bad_request":
      return "answer";
    default:
      return "other";
  }
}

/** Worth sending the same idempotent GET again after a pause. */
export const isRetryable = (error: unknown): boolean => {
  const kind = failureKind(error);
  return kind === "transient" || kind === "throttled";
};

/** No answer within the client's time limit; reported apart from other errors in the metrics. */
export const isTimeout = (error: unknown): boolean =>
  isDeadlineExceeded(error) || (error instanceof UpstreamHttpError && error.code === "timeout");
