import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.ts";

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Caps request bodies, chunked ones included (Hono counts the bytes as they stream in). Reads
 * without a body skip it: touching the body makes the Node adapter build a full Request, which is
 * most of the cost of a warm cached read. A declared length is checked here from the headers, as
 * Hono's middleware checks it: that middleware looks at `c.req.raw.body` first, which builds that
 * full Request (undici, web streams) where `c.req.text()` would otherwise read the socket directly.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new AppError(
      413,
      "payload_too_large",
      `Request bodies may be at most ${Math.floor(maxBytes / 1024)} KiB.`,
    );
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return (c, next) => {
    if (BODYLESS.has(c.req.method)) return next();
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return limit(c, next);
    return Number.parseInt(length || "0", 10) > maxBytes ? tooLarge() : next();
  };
}
