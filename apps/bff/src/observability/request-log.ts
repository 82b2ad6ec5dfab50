import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { redactUrl } from "./logger.ts";

/** One line per request: method, redacted path, status, duration and the request id to quote. */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const url = new URL(c.req.url);
    logger.info({
      requestId: c.get("requestId"),
      method: c.req.method,
      path: redactUrl(`${url.pathname}${url.search}`),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
