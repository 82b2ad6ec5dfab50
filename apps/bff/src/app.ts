import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import type { LoginStateStore } from "./auth/login-state-store.ts";
import type { OidcClient } from "./auth/oidc-client.ts";
import { loadSession, type SessionVariables } from "./auth/session-middleware.ts";
import type { SessionStore } from "./auth/session-store.ts";
import { signInFailurePages } from "./auth/sign-in-failure.ts";
import type { Database } from "./db/database.ts";
import { apiErrorHandler, handleNotFound } from "./errors.ts";
import type { MemberStreams } from "./live/member-streams.ts";
import type { ManagerDeps } from "./manager/manager-deps.ts";
import type { MemberActivities } from "./member/member-activities.ts";
import { requestIds } from "./observability/request-id.ts";
import { requestLog } from "./observability/request-log.ts";
import type { MemberProfiles } from "./profile/member-profiles.ts";
import { API_DEADLINE_MS, requestDeadline } from "./request-deadline.ts";
import { authRoutes } from "./routes/auth.ts";
import { healthRoutes } from "./routes/health.ts";
import { managerRoutes } from "./routes/manager.ts";
import { type MeDeps, meRoutes } from "./routes/me.ts";
import { readyRoutes } from "./routes/ready.ts";
import { type StatusDeps, statusRoutes } from "./routes/status.ts";
import { limitBody } from "./security/body-limit.ts";
import type { ClientIp } from "./security/client-ip.ts";
import { csrfProtection } from "./security/csrf.ts";
import { noStore } from "./security/no-store.ts";
import { type ApiLimits, ipLimitKey, rateLimit, sessionLimitKey } from "./security/rate-limit.ts";

export interface ApiDeps {
  db: Database;
  logger: Logger;
  publicUrl: string;
  sessions: SessionStore;
  loginStates: LoginStateStore;
  oidc: OidcClient;
  memberActivities: MemberActivities;
  /** Every tier of the program with its benefits, for /api/me. */
  programTiers: MeDeps["programTiers"];
  profiles: MemberProfiles;
  history: MeDeps["history"];
  hub: MemberStreams;
  manager: ManagerDeps;
  draining: () => boolean;
  upstreams: StatusDeps["upstreams"];
  /** The rate limits (shared across instances through Redis when it is configured). */
  limits: ApiLimits;
  instanceId: string;
  absoluteSessionMs: number;
  crowdtwistIdClaim: string;
  crowdtwistIdType: CrowdTwistIdType;
  /** The security headers of every response, for what is written past the middleware (live streams). */
  securityHeaders: Readonly<Record<string, string>>;
  /** The client's address, from X-Forwarded-For only as far as TRUSTED_PROXIES wrote it. */
  clientIp: ClientIp;
}

/** JSON bodies the API accepts are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Signing out must always work (on a shared computer above all), so no limit ever refuses it. It
 * costs one session lookup, like any other request.
 */
const isSignOut = (c: Context) => c.req.method === "POST" && c.req.path === "/api/auth/logout";

// The API the browser talks to. Its type is what the web app's RPC client is built from.
export function createApi(deps: ApiDeps) {
  const { perIp, perSession, signIns } = deps.limits;

  const api = new Hono<{ Variables: SessionVariables }>()
    .basePath("/api")
    .use(requestIds())
    .use(noStore())
    .use(requestLog(deps.logger, deps.clientIp))
    .use("/auth/*", signInFailurePages(deps.publicUrl, deps.logger))
    .use(requestDeadline(API_DEADLINE_MS, (path) => path === "/api/me/events"))
    .route("/health", healthRoutes(deps.instanceId))
    .route("/ready", readyRoutes({ db: deps.db, draining: deps.draining }))
    .route("/status", statusRoutes({ upstreams: deps.upstreams }))
    .use(limitBody(MAX_BODY_BYTES))
    .use(rateLimit(perIp, (c) => (isSignOut(c) ? [] : [ipLimitKey(deps.clientIp(c))])))
    .use(
      "/auth/*",
      rateLimit(signIns, (c) => (isSignOut(c) ? [] : [`signin:${deps.clientIp(c)}`])),
    )
    .use(csrfProtection(new URL(deps.publicUrl).origin))
    .use(loadSession(deps.sessions))
    .use(
      rateLimit(perSession, (c) => {
        const session = c.get("session");
        return isSignOut(c) ? [] : [session ? sessionLimitKey(session.idHash) : null];
      }),
    )
    .route(
      "/auth",
      authRoutes({
        oidc: deps.oidc,
        sessions: deps.sessions,
        loginStates: deps.loginStates,
        logger: deps.logger,
        absoluteTimeoutMs: deps.absoluteSessionMs,
        crowdtwistIdClaim: deps.crowdtwistIdClaim,
        crowdtwistIdType: deps.crowdtwistIdType,
        publicUrl: deps.publicUrl,
      }),
    )
    .route(
      "/me",
      meRoutes({
        memberActivities: deps.memberActivities,
        programTiers: deps.programTiers,
        profiles: deps.profiles,
        history: deps.history,
        hub: deps.hub,
        clientIp: deps.clientIp,
        // The stream is written outside Hono: it carries the headers every response gets itself.
        securityHeaders: { ...deps.securityHeaders, "x-portal-instance": deps.instanceId },
      }),
    )
    .route("/manager", managerRoutes(deps.manager));

  api.onError(apiErrorHandler(deps.logger));
  api.notFound(handleNotFound);
  return api;
}

export type AppType = ReturnType<typeof createApi>;
