import type { HttpFailure } from "@portal/upstream-http/send-request";
import { UpstreamHttpError } from "@portal/upstream-http/upstream-http-error";
import { z } from "zod";

// One error type for everything that can go wrong talking to CrowdTwist, so callers branch on
// `code` and `status` instead of on undici or zod internals. The message names the operation by its
// path template only: the real path holds member ids, and the key must never appear anywhere. It
// extends the HTTP core's UpstreamHttpError, whose `timeout` and `network` it shares with Alida's.

/** Codes CrowdTwist documents, plus our own for failures that never produced an upstream answer. */
export type CrowdTwistErrorCode =
  | "page_not_found"
  | "invalid_auth"
  | "no_data"
  | "invalid"
  | "missing_data"
  | "internal_error"
  | "not_configured"
  /** No answer within the call's time limit. */
  | "timeout"
  /** Connection refused, reset, DNS failure… */
  | "network"
  /** An answer that is not what the documents describe (unparseable or wrong shape). */
  | "bad_response"
  | (string & {});

export interface CrowdTwistErrorInit {
  status: number;
  code: CrowdTwistErrorCode;
  /** Where it happened, as a path template such as `GET /v2/users/{user_id}/activities`. */
  operation: string;
  upstreamMessage?: string | null;
  detail?: string;
  cause?: unknown;
}

export class CrowdTwistError extends UpstreamHttpError {
  override readonly name = "CrowdTwistError";
  /** The upstream HTTP status, or ours: 504 for `timeout`, 502 for `network` and `bad_response`. */
  override readonly status: number;
  override readonly code: CrowdTwistErrorCode;
  /** CrowdTwist's own `message`, when it sent one. */
  readonly upstreamMessage: string | null;
  readonly operation: string;

  constructor(init: CrowdTwistErrorInit) {
    const detail = init.detail ?? init.upstreamMessage;
    super(`CrowdTwist ${init.operation} failed: ${init.status} ${init.code}${detail ? ` (${detail})` : ""}`, {
      code: init.code,
      status: init.status,
      cause: init.cause,
    });
    this.status = init.status;
    this.code = init.code;
    this.upstreamMessage = init.upstreamMessage ?? null;
    this.operation = init.operation;
  }
}

/** A call that got no usable answer, in CrowdTwist's words (see the table in the README). */
export function crowdTwistErrorForFailure(failure: HttpFailure, operation: string): CrowdTwistError {
  switch (failure.kind) {
    case "timeout":
      return new CrowdTwistError({
        status: 504,
        code: "timeout",
        operation,
        detail: `no answer within ${failure.timeoutMs} ms`,
      });
    case "network":
      return new CrowdTwistError({
        status: 502,
        code: "network",
        operation,
        detail: failure.detail,
        cause: failure.cause,
      });
    case "body_too_large":
      // As a body that is not JSON: a 2xx becomes our 502, an error status stays the upstream's.
      return new CrowdTwistError({
        status: isSuccess(failure.status) ? 502 : failure.status,
        code: "bad_response",
        operation,
        detail: `body over ${failure.maxBodyBytes} bytes`,
      });
  }
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

export function isCrowdTwistError(value: unknown): value is CrowdTwistError {
  return value instanceof CrowdTwistError;
}

/** The documented error body: `{ "error": "invalid_auth", "message": "Invalid access credentials." }`. */
export const errorBodySchema = z.object({
  error: z.string().min(1),
  message: z.string().nullish(),
});
