import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

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

export function handleError(error: Error, c: Context) {
  if (error instanceof AppError) return c.json(errorBody(c, error.code, error.message), error.status);
  // Anything unexpected stays in the server's log; the browser gets the request id to quote.
  console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), err: error.message }));
  return c.json(errorBody(c, "internal_error", "Something went wrong on our side. Please try again."), 500);
}

export function handleNotFound(c: Context) {
  return c.json(errorBody(c, "not_found", `No API route for ${c.req.method} ${c.req.path}.`), 404);
}
