import { AlidaError } from "@portal/alida/errors";
import { CrowdTwistError } from "@portal/crowdtwist/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Logger } from "pino";
import { isDatabaseUnavailable } from "./db/database-unavailable.ts";
import { requestIdFor } from "./observability/request-id.ts";
import { isUpstreamUnavailable } from "./upstream/upstream-unavailable-error.ts";

// One error shape for every answer of the BFF that is not a success, on /api, /webhooks and the
// outermost app alike (docs/decisions/0035): {"error":{"code","message","requestId","issues"?}}.
// `issues` comes with validation failures only: one entry per problem, `path` naming the field.

/** One problem with the input: where (`"userId"`, `"campaigns[1].multiplier"`, `""` for the whole) and what. */
export interface ErrorIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: readonly ErrorIssue[] | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options?: ErrorOptions & { issues?: readonly ErrorIssue[] },
  ) {
    super(message, options);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.issues = options?.issues;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: ErrorIssue[] };
}

/**
 * The body of an error answer. Its request id is the one in `x-request-id`; an answer from outside
 * the API and the webhooks (whose middleware sets one) gets its own here.
 */
export function errorBody(
  c: Context,
  code: string,
  message: string,
  issues?: readonly ErrorIssue[],
): ErrorBody {
  let requestId: string | undefined = c.get("requestId");
  if (!requestId) {
    requestId = requestIdFor(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
  }
  return { error: { code, message, requestId, ...(issues?.length ? { issues: [...issues] } : {}) } };
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

/**
 * Hono's own refusals (a validator that could not parse a body, a middleware of the library) in our
 * words: its message and its prepared response are the library's, never sent.
 */
function fromHono(error: Error): AppError | null {
  if (!(error instanceof HTTPException)) return null;
  if (error.status === 400 && error.message.startsWith("Malformed JSON")) {
    return new AppError(400, "malformed_json", "The body is not valid JSON. Send one JSON object.");
  }
  const refusal = HONO_REFUSALS[error.status];
  return refusal ? new AppError(error.status as ContentfulStatusCode, ...refusal) : null;
}

const HONO_REFUSALS: Partial<Record<number, [code: string, message: string]>> = {
  400: ["bad_request", "The request could not be read. Check its body and its content type."],
  401: ["unauthenticated", "Sign in to continue."],
  403: ["forbidden", "This request is not allowed."],
  413: ["payload_too_large", "The request body is too large."],
  415: ["unsupported_media_type", "Send the body as application/json."],
};

export type ErrorLogger = (details: { requestId: string | undefined; error: Error; status: number }) => void;

export function createErrorHandler(log: ErrorLogger) {
  return (error: Error, c: Context) => {
    const known =
      error instanceof AppError ? error : (fromUpstream(error) ?? fromDatabase(error) ?? fromHono(error));
    const status = known?.status ?? 500;
    if (status >= 500) log({ requestId: c.get("requestId"), error, status });
    if (known) return c.json(errorBody(c, known.code, known.message, known.issues), known.status);
    // Anything unexpected stays in the server's log; the browser gets the request id to quote.
    return c.json(errorBody(c, "internal_error", "Something went wrong on our side. Please try again."), 500);
  };
}

/** The API's one error handler: 5xx are logged with the request id, never with a secret. */
export function apiErrorHandler(logger: Logger, what = "request failed") {
  return createErrorHandler(({ requestId, error, status }) =>
    logger.error({ requestId, status, err: error }, what),
  );
}

/** No route for this method and path: the same shape, naming what was asked for. */
export function handleNotFound(c: Context) {
  const { method } = c.req;
  // Whatever was asked for is named back, but not kilobytes of it.
  const path = c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path;
  const message = path.startsWith("/api/")
    ? `No API route for ${method} ${path}.`
    : path.startsWith("/webhooks/")
      ? `No webhook at ${method} ${path}. Check the address CrowdTwist was given.`
      : `Nothing answers ${method} ${path}.`;
  return c.json(errorBody(c, "not_found", message), 404);
}
