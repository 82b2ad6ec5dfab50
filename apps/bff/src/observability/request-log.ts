import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import type { ClientIp } from "../security/client-ip.ts";
import { redactUrl } from "./logger.ts";

/** One line per request: method, redacted path, status, duration, client address and the request id to quote. */
export function requestLog(logger: Logger, clientIp: ClientIp): MiddlewareHandler {
  return async (c, next) => {
    if (!logger.isLevelEnabled("info")) return next();
    const started = performance.now();
    await next();
    logRequest(logger, c, { status: c.res.status, started, ip: clientIp(c) });
  };
}

/** The request's line, for an answer written without the middleware (activities-fast-path.ts). */
export function logRequest(
  logger: Logger,
  c: Context,
  answer: { status: number; started: number; ip: string },
) {
  const url = c.req.url;
  const query = url.indexOf("?");
  logger.info({
    requestId: c.get("requestId"),
    method: c.req.method,
    path: query < 0 ? c.req.path : redactUrl(`${c.req.path}${url.slice(query)}`),
    status: answer.status,
    ms: Math.round((performance.now() - answer.started) * 10) / 10,
    ip: answer.ip,
  });
}
