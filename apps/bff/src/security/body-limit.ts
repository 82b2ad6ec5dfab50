import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.ts";

const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Caps request bodies, chunked ones included (Hono counts the bytes as they stream in). Reads
 * without a body skip it: touching the body makes the Node adapter build a full Request, which is
 * most of the cost of a warm cached read.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(
        413,
        "payload_too_large",
        `Request bodies may be at most ${Math.floor(maxBytes / 1024)} KiB.`,
      );
    },
  });
  return (c, next) => (BODYLESS.has(c.req.method) ? next() : limit(c, next));
}
