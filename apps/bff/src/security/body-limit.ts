import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../errors.ts";

/** Caps request bodies, chunked ones included (Hono counts the bytes as they stream in). */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(
        413,
        "payload_too_large",
        `Request bodies may be at most ${Math.floor(maxBytes / 1024)} KiB.`,
      );
    },
  });
}
