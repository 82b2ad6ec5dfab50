import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { plainSessionId } from "../auth/cookies.ts";
import type { SessionStore } from "../auth/session-store.ts";
import { AppError, apiErrorHandler } from "../errors.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import { requestIdFor } from "../observability/request-id.ts";
import { logRequest } from "../observability/request-log.ts";
import type { ClientIp } from "../security/client-ip.ts";
import { type ApiLimits, ipLimitKey, sessionLimitKey } from "../security/rate-limit.ts";
import { activitiesAnswer } from "./me.ts";

/*
 * The warm path of the portal's busiest request: `GET /api/me/activities` from a signed-in member
 * whose session and list this instance holds in memory. Every open tab asks for it on load, on focus
 * and after each live update, and almost every time both are warm.
 *
 * The API's middleware chain (request id, log line, deadline, body limit, rate limits, CSRF, session,
 * no-store, security headers) costs several times the answer itself: a dozen async layers, headers
 * set one by one on a WHATWG Headers object that the Node adapter then copies back, the body copied
 * into one buffer. This answers the same request with the same checks in one function and writes it
 * to the Node response directly: the headers as one object, the body as the cached bytes between
 * their two small ends. It never decides anything the chain would decide differently: when any input
 * is not warm or not plain (no session in memory, a session due for its last-seen write, a list that
 * is stale, degraded or missing, a method other than GET, a request with a body, a cookie header only
 * the full parser may read, no Node response to write to) it steps aside before doing anything, and
 * the chain answers. Both use the same functions for what matters (session and cache lookups,
 * rate-limit keys, the answer's bytes and ETag, the error handler), and a test compares their answers.
 */

export interface WarmActivitiesDeps {
  sessions: SessionStore;
  memberActivities: MemberActivities;
  limits: ApiLimits;
  clientIp: ClientIp;
  logger: Logger;
  /** Every header an API answer carries whatever it is: the security headers and x-portal-instance. */
  headers: Readonly<Record<string, string>>;
  /** Counts the requests this answers. */
  answered: { inc(): void };
}

type NodeBindings = { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;

export function warmActivities(deps: WarmActivitiesDeps): MiddlewareHandler {
  const onError = apiErrorHandler(deps.logger);
  const { perIp, perSession } = deps.limits;
  const limited = perIp.enabled || perSession.enabled;

  /** An error answer as the chain gives it: its error body, with the headers the chain sets. */
  const fail = (c: Context, error: Error, extra: Record<string, string> = {}) => {
    const headers = {
      ...deps.headers,
      "x-request-id": c.get("requestId"),
      "cache-control": "no-store",
      ...extra,
    };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return onError(error, c);
  };

  return async (c, next) => {
    const { incoming, outgoing } = (c.env as NodeBindings) ?? {};
    if (!incoming || !outgoing || incoming.method !== "GET") return next();
    const headers = incoming.headers;
    if (headers["content-length"] !== undefined || headers["transfer-encoding"] !== undefined) return next();
    const sessionId = plainSessionId(headers.cookie);
    const session = sessionId ? deps.sessions.cachedLive(sessionId) : null;
    if (!session) return next();
    const result = deps.memberActivities.fresh(session.crowdtwistUserId);
    if (!result) return next();

    // Warm: from here on this answers, whatever happens (the limits below are counted once).
    deps.answered.inc();
    const started = deps.logger.isLevelEnabled("info") ? performance.now() : null;
    const requestId = requestIdFor(headers["x-request-id"] as string | undefined);
    c.set("requestId", requestId);
    let refusal: Response | null = null;
    try {
      const retryAfter = limited
        ? (await perIp.hit(ipLimitKey(deps.clientIp(c)))) ||
          (await perSession.hit(sessionLimitKey(session.idHash)))
        : 0;
      if (retryAfter > 0) {
        const message = `Too many requests. Try again in ${retryAfter} seconds.`;
        refusal = await fail(c, new AppError(429, "rate_limited", message), {
          "Retry-After": String(retryAfter),
        });
      }
    } catch (error) {
      refusal = await fail(c, error instanceof Error ? error : new Error(String(error)));
    }
    if (refusal) {
      if (started !== null)
        logRequest(deps.logger, c, { status: refusal.status, started, ip: deps.clientIp(c) });
      return refusal;
    }
    const answer = activitiesAnswer(result, headers["if-none-match"]);
    outgoing.writeHead(answer.status, { ...deps.headers, "x-request-id": requestId, ...answer.headers });
    if (answer.body === null) outgoing.end();
    else {
      // The parts go out in one write (end uncorks), not copied into one buffer first.
      outgoing.cork();
      for (const part of answer.body) outgoing.write(part);
      outgoing.end();
    }
    const status = answer.status;
    if (started !== null) logRequest(deps.logger, c, { status, started, ip: deps.clientIp(c) });
    return RESPONSE_ALREADY_SENT;
  };
}
