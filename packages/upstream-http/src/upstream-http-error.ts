// What the errors of every upstream client share: a code, and the status of the answer, so that the
// BFF reads "no answer came" the same way for each of them. Each client extends it with its own
// codes and messages (`CrowdTwistError`, `AlidaError`); a message names the operation or resource,
// never a key, a token or a member's real path.

/**
 * The codes every client uses alike for a call that got no answer: none within the time limit
 * (`timeout`), or none at all — refused, reset, DNS failure (`network`).
 */
export type TransportCode = "timeout" | "network";

export class UpstreamHttpError extends Error {
  override readonly name: string = "UpstreamHttpError";
  /** The client's code; `timeout` and `network` mean the same for every client (TransportCode). */
  readonly code: string;
  /**
   * The status of the upstream's answer, `null` when none came; a client may report its own in that
   * case (CrowdTwist: 504 for `timeout`, 502 for `network`).
   */
  readonly status: number | null;

  constructor(message: string, init: { code: string; status: number | null; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
  }
}

/** A call that got no answer (`timeout`, `network`), from any upstream client. */
export function isTransportFailure(
  error: unknown,
): error is UpstreamHttpError & { readonly code: TransportCode } {
  return error instanceof UpstreamHttpError && (error.code === "timeout" || error.code === "network");
}
