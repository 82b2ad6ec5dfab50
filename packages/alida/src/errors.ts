import type { HttpFailure } from "@portal/upstream-http/send-request";
import { UpstreamHttpError } from "@portal/upstream-http/upstream-http-error";

// One error type for everything the Alida client can fail with, so the BFF can map it to a status
// and a banner without knowing about undici or zod. Messages are built here from fixed text plus
// values we control (status, path, OAuth error code); never from headers, tokens or secrets. Whether
// a failure is worth retrying is decided in one place for both upstreams, the BFF's
// upstream/failure-kind.ts, not here. It extends the HTTP core's UpstreamHttpError, whose `timeout`
// and `network` it shares with CrowdTwist's.

export type AlidaErrorCode =
  /** The client credentials were refused, or a fresh token was refused too (401 twice). */
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "bad_request"
  | "rate_limited"
  | "timeout"
  | "network"
  /** The upstream answered, but not with what the document promises (bad JSON, schema mismatch). */
  | "bad_response"
  /** 5xx or another status the document does not describe. */
  | "upstream_error"
  /** A link points away from the configured Alida origin; we never send our token there. */
  | "untrusted_link"
  /** A summary was asked for an activity that carries no summary link (e.g. a `fields=` selection). */
  | "no_summary_link";

/** Its `status` is the upstream's HTTP status, or `null` when no response arrived (timeout, network, refused link). */
export class AlidaError extends UpstreamHttpError {
  override readonly name = "AlidaError";
  override readonly code: AlidaErrorCode;

  constructor(
    code: AlidaErrorCode,
    message: string,
    options: { status?: number | null; cause?: unknown } = {},
  ) {
    super(message, { code, status: options.status ?? null, cause: options.cause });
    this.code = code;
  }
}

/** A call that got no usable answer; `what` names the resource for the message. */
export function alidaErrorForFailure(failure: HttpFailure, what: string): AlidaError {
  switch (failure.kind) {
    case "timeout":
      return new AlidaError("timeout", `Alida did not answer for ${what} within ${failure.timeoutMs} ms`);
    case "network": {
      const detail = failure.systemCode === undefined ? "" : ` (${failure.systemCode})`;
      return new AlidaError("network", `Could not reach Alida for ${what}${detail}`, {
        cause: failure.cause,
      });
    }
    case "body_too_large":
      return new AlidaError("bad_response", `Alida sent ${what} longer than ${failure.maxBodyBytes} bytes`, {
        status: failure.status,
      });
  }
}

/** Maps a non-2xx upstream status to an error; `what` names the resource for the message. */
export function alidaErrorForStatus(status: number, what: string): AlidaError {
  switch (status) {
    case 400:
      return new AlidaError("bad_request", `Alida rejected the request for ${what} (400)`, { status });
    case 401:
      return new AlidaError("unauthorized", `Alida refused our access token for ${what} (401)`, { status });
    case 403:
      return new AlidaError("forbidden", `Alida does not allow our API client to read ${what} (403)`, {
        status,
      });
    case 404:
      return new AlidaError("not_found", `Alida has no ${what} (404)`, { status });
    case 429:
      return new AlidaError("rate_limited", `Alida is rate limiting requests for ${what} (429)`, { status });
    default:
      return new AlidaError("upstream_error", `Alida failed to return ${what} (${status})`, { status });
  }
}
