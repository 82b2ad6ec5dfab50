import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { plainSessionId } from "../auth/cookies.ts";
import type { SessionStore } from "../auth/session-store.ts";
import { AppError, apiErrorHandler } from "../errors.ts";
import type { MemberActivities, MemberActivitiesResult } from "../member/member-activities.ts";
import { requestIdFor } from "../observability/request-id.ts";
import { logRequest } from "../observability/request-log.ts";
import { API_DEADLINE_MS, withinDeadline } from "../request-deadline.ts";
import type { ClientIp } from "../security/client-ip.ts";
import { type ApiLimits, ipLimitKey, sessionLimitKey } from "../security/rate-limit.ts";
import { activitiesAnswer } from "./me.ts";

/*
 * A fast path for the portal's busiest request: `GET /api/me/activities` from a signed-in member whose
 * session this instance holds in memory. Every open tab asks for it on load, on focus and after each
 * live update; nearly always the session is warm, and usually the list too.
 *
 * The API's middleware chain (request id, log line, deadline, body limit, rate limits, CSRF, session,
 * no-store, security headers) costs several times a warm answer: a dozen async layers, headers set
 * one by one on a WHATWG Headers object that the Node adapter then copies back, the body copied into
 * one buffer. This answers the same request with the same checks in one function and writes it to
 * the Node response directly: the headers as one object, the body as the list's bytes between their
 * two small ends. A list that is not fresh is loaded as the route loads it (`forMember`, within the
 * API's deadline), and a failure answers through the API's error handler.
 *
 * It never decides anything the chain would decide differently: when an input is not plain (no
 * session in memory, a session due for its last-seen write, a method other than GET, a request with a
 * body, a cookie header only the full parser may read, no Node response to write to) it steps aside
 * before doing anything, and the chain answers. Both use the same functions for what matters (session
 * and cache lookups, rate-limit keys, the deadline, the answer's bytes and ETag, the error handler,
 * the log line), and a test compares their answers case by case (routes/activities-fast-path.test.ts).
 */

export interface ActivitiesFastPathDeps {
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

/** What the route answers a member CrowdTwist does not know (Hono's c.json: its content type). */
const NOT_ENROLLED = Buffer.from(JSON.stringify({ enrolled: false, activities: [], freshness: null }));

export function activitiesFastPath(deps: ActivitiesFastPathDeps): MiddlewareHandler {
  const onError = apiErrorHandler(deps.logger);
  const { perIp, perSession } = deps.limits;
  const limited = perIp.enabled || perSession.enabled;

  /** An error answer as the chain gives it: its error body, with the headers the chain sets. */
  const fail = (c: Context, error: unknown, extra: Record<string, string> = {}) => {
    const headers = {
      ...deps.headers,
      "x-request-id": c.get("requestId"),
      "cache-control": "no-store",
      ...extra,
    };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return onError(error instanceof Error ? error : new Error(String(error)), c);
  };

  /** The list, written to Node as the route would answer it. */
  function write(
    outgoing: ServerResponse,
    requestId: string,
    result: MemberActivitiesResult,
    ifNoneMatch?: string,
  ) {
    const common = { ...deps.headers, "x-request-id": requestId };
    if (!result.enrolled) {
      outgoing.writeHead(200, {
        ...common,
        "content-type": "application/json",
        "cache-control": "no-store",
        "content-length": String(NOT_ENROLLED.byteLength),
      });
      outgoing.end(NOT_ENROLLED);
      return 200;
    }
    const answer = activitiesAnswer(result, ifNoneMatch);
    outgoing.writeHead(answer.status, { ...common, ...answer.headers });
    if (answer.body === null) outgoing.end();
    else {
      // The parts go out in one write (end uncorks), not copied into one buffer first.
      outgoing.cork();
      for (const part of answer.body) outgoing.write(part);
      outgoing.end();
    }
    return answer.status;
  }

  return async (c, next) => {
    const { incoming, outgoing } = (c.env as NodeBindings) ?? {};
    if (!incoming || !outgoing || incoming.method !== "GET") return next();
    const headers = incoming.headers;
    if (headers["content-length"] !== undefined || headers["transfer-encoding"] !== undefined) return next();
    const sessionId = plainSessionId(headers.cookie);
    if (!sessionId) return next();
    const session = deps.sessions.cachedLive(sessionId);
    if (!session) return next();

    // From here on this answers, whatever happens (the limits below are counted once).
    deps.answered.inc();
    const started = deps.logger.isLevelEnabled("info") ? performance.now() : null;
    const requestId = requestIdFor(headers["x-request-id"] as string | undefined);
    c.set("requestId", requestId);
    const done = (status: number) => {
      if (started !== null) logRequest(deps.logger, c, { status, started, ip: deps.clientIp(c) });
    };
    // With the limits off, a fresh list is answered without a single await.
    const warm = limited ? null : deps.memberActivities.fresh(session.crowdtwistUserId);
    if (warm) {
      done(write(outgoing, requestId, warm, headers["if-none-match"]));
      return RESPONSE_ALREADY_SENT;
    }
    let result: MemberActivitiesResult;
    try {
      const answerWithin = async (): Promise<MemberActivitiesResult | Response> => {
        const refuse = (retryAfter: number) =>
          fail(
            c,
            new AppError(429, "rate_limited", `Too many requests. Try again in ${retryAfter} seconds.`),
            {
              "Retry-After": String(retryAfter),
            },
          );
        let member = session;
        if (limited) {
          // In the chain's order: the address's limit, then the session as it is now (the wait may
          // have seen it end), then the session's limit.
          const ipWait = await perIp.hit(ipLimitKey(deps.clientIp(c)));
          if (ipWait > 0) return refuse(ipWait);
          const current = await deps.sessions.get(sessionId);
          if (!current) return fail(c, new AppError(401, "unauthenticated", "Sign in to continue."));
          member = current;
          const sessionWait = await perSession.hit(sessionLimitKey(member.idHash));
          if (sessionWait > 0) return refuse(sessionWait);
        }
        return (
          deps.memberActivities.fresh(member.crowdtwistUserId) ??
          (await deps.memberActivities.forMember(member.crowdtwistUserId))
        );
      };
      const outcome = await withinDeadline(answerWithin(), API_DEADLINE_MS);
      if (outcome instanceof Response) {
        done(outcome.status);
        return outcome;
      }
      result = outcome;
    } catch (error) {
      const failed = await fail(c, error);
      done(failed.status);
      return failed;
    }
    done(write(outgoing, requestId, result, headers["if-none-match"]));
    return RESPONSE_ALREADY_SENT;
  };
}
