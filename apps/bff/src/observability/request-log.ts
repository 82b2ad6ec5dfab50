import type { MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ClientIp } from "../security/client-ip.ts";
import { redactUrl } from "./logger.ts";

/** One line per request: method, redacted path, status, duration, client address and the request id to quote. */
export function requestLog(logger: Logger, clientIp: ClientIp): MiddlewareHandler {
  return async (c, next) => {
    if (!logger.isLevelEnabled("info")) return next();
    const started = performance.now();
    await next();
    const url = c.req.url;
    const query = url.indexOf("?");
    logger.info({
      requestId: c.get("requestId"),
      method: c.req.method,
      path: query < 0 ? c.req.path : redactUrl(`${c.req.path}${url.slice(query)}`),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ip: clientIp(c),
    });
  };
}
