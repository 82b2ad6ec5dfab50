import { AlidaError } from "@portal/alida/errors";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "./db/database-unavailable.ts";
import { isUpstreamUnavailable } from "./upstream/upstream-unavailable-error.ts";

// One error shape for every /api answer that is not a success: {"error":{"code","message","requestId"}}.

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(status: ContentfulStatusCode, code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "AppError";
    this.status = status;
    this.code = code;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

export function errorBody(c: Context, code: string, message: string): ErrorBody {
  return { error: { code, message, requestId: c.get("requestId") ?? "unknown" } };
}

/** Upstream failures become our own words: the upstream's body never reaches the browser. */
function fromUpstream(error: Error): AppError | null {
  if (isUpstreamUnavailable(error)) {
    const what = error.upstream === "alida" ? "The research community" : "The rewards service";
    return new AppError(
      503,
      "upstream_unavailable",
      `${what} is not answering right now. Please try again in a minute.`,
    );
  }
  if (error instanceof CrowdTwistError || error instanceof AlidaError) {
    const what = error instanceof AlidaError ? "The research community" : "The rewards service";
    return new AppError(
      502,
      "upstream_error",
      `${what} gave an answer we could not use. Please try again later.`,
    );
  }
  return null;
}

function fromDatabase(error: Error): AppError | null {
  if (!isDatabaseUnavailable(error)) return null;
  return new AppError(
    503,
    "unavailable",
    "The portal cannot reach its storage right now. Please try again in a moment.",
  );
}

export type ErrorLogger = (details: { requestId: string | undefined; error: Error; status: number }) => void;

export function createErrorHandler(log: ErrorLogger) {
  return (error: Error, c: Context) => {
    const known = error instanceof AppError ? error : (fromUpstream(error) ?? fromDatabase(error));
    const status = known?.status ?? 500;
    if (status >= 500) log({ requestId: c.get("requestId"), error, status });
    if (known) return c.json(errorBody(c, known.code, known.message), known.status);
    // Anything unexpected stays in the server's log; the browser gets the request id to quote.
    return c.json(errorBody(c, "internal_error", "Something went wrong on our side. Please try again."), 500);
  };
}

/** The API's one error handler: 5xx are logged with the request id, never with a secret. */
export function apiErrorHandler(logger: Logger) {
  return createErrorHandler(({ requestId, error, status }) =>
    logger.error({ requestId, status, err: error }, "request failed"),
  );
}

export function handleNotFound(c: Context) {
  return c.json(errorBody(c, "not_found", `No API route for ${c.req.method} ${c.req.path}.`), 404);
}
