import type { MiddlewareHandler } from "hono";
// Hono's own requestId middleware declares the `requestId` context variable this one sets.
import type {} from "hono/request-id";

// The id a user quotes and an operator greps for. A proxy in front may pass its own in X-Request-Id so
// one id follows the request through both logs; anything that does not look like an id (too long,
// spaces, quotes, control or non-ASCII characters) is replaced, so a client cannot write into our logs
// or error bodies through it.

/** Letters, digits and . _ : - (UUIDs, ULIDs, haproxy's unique-id-format); at most 64 characters. */
const SAFE_ID = /^[\w.:-]{1,64}$/;

export function requestIds(): MiddlewareHandler {
  return async (c, next) => {
    const id = requestIdFor(c.req.header("x-request-id"));
    c.set("requestId", id);
    c.header("x-request-id", id);
    await next();
  };
}

/** The proxy's id when it looks like one, else a new one. */
export function requestIdFor(incoming: string | undefined): string {
  return incoming !== undefined && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID();
}
