// What the resilience layer throws when an upstream could not give an answer, so routes map one
// type to a 503 (or to cached data with a banner) without knowing about CrowdTwist or Alida errors.
// Definitive upstream answers (404, 401…) are not wrapped: callers branch on those themselves.

export type UpstreamName = "crowdtwist" | "alida";

export type UpstreamUnavailableReason =
  /** The breaker is open: we did not even try, to give the upstream room to recover. */
  | "circuit_open"
  /** We tried (with retries where allowed) and every attempt timed out, failed or was throttled. */
  | "failed";

export class UpstreamUnavailableError extends Error {
  override readonly name = "UpstreamUnavailableError";
  readonly upstream: UpstreamName;
  readonly reason: UpstreamUnavailableReason;
  readonly operation: string;

  constructor(init: {
    upstream: UpstreamName;
    reason: UpstreamUnavailableReason;
    operation: string;
    cause?: unknown;
  }) {
    const why = init.reason === "circuit_open" ? "circuit breaker is open" : "upstream request failed";
    super(
      `${init.upstream} ${init.operation} unavailable: ${why}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.upstream = init.upstream;
    this.reason = init.reason;
    this.operation = init.operation;
  }
}

export function isUpstreamUnavailable(value: unknown): value is UpstreamUnavailableError {
  return value instanceof UpstreamUnavailableError;
}
