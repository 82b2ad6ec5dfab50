import { Hono, type MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { AppError, apiErrorHandler, handleNotFound } from "../errors.ts";
import { FEED_PATHS } from "../live-push/feeds/feed-definitions.ts";
import type { FeedIngest } from "../live-push/feeds/feed-ingest.ts";
import type { LivePushIngest } from "../live-push/ingest.ts";
import type { IpAllowlist } from "../live-push/ip-allowlist.ts";
import type { AuthFailureReason, FeedLabel, FeedMetricsView, LivePushMetrics } from "../live-push/metrics.ts";
import {
  credentialsMatch,
  hasCredentials,
  type WebhookCredentials,
} from "../live-push/webhook-credentials.ts";
import { requestIds } from "../observability/request-id.ts";
import { requestLog } from "../observability/request-log.ts";
import { limitBody } from "../security/body-limit.ts";
import type { ClientIp } from "../security/client-ip.ts";

// Server-to-server webhooks (outside /api: no session, no CSRF). CrowdTwist's Live Push retries
// until it sees a 2xx, so every answer below is chosen for what the sender will do with it:
// 2xx = stored or safely ignorable, 4xx = resending cannot help, 5xx = please resend. Every Data
// Push feed has its own path (nothing in a message says which feed it is) and the same checks,
// limits and answers as the profile's (docs/decisions/0030).
//
// The rules are plain functions (the endpoints, who may call, what body type, reading the JSON, the
// error handler), used by the middleware chain below and by the fast path that answers plain pushes
// ahead of it (webhook-fast-path.ts, docs/decisions/0039): one copy of each rule for both.

export interface WebhookDeps {
  logger: Logger;
  ingest: LivePushIngest;
  metrics: LivePushMetrics;
  credentials: WebhookCredentials;
  /** The caller's address (X-Forwarded-For believed only from TRUSTED_PROXIES). */
  clientIp: ClientIp;
  /** Source addresses allowed to call; `null` allows any (credentials still apply). */
  allowlist: IpAllowlist | null;
  /** Answer with the member's third_party_id; CrowdTwist offers this only without authentication. */
  thirdPartyIdSync: boolean;
  /** The other Data Push feeds, each with its metrics (absent: the path answers 404). */
  feeds?: Partial<Record<FeedLabel, { ingest: FeedIngest; metrics: FeedMetricsView }>>;
}

type WebhookFeed = NonNullable<WebhookDeps["feeds"]>[FeedLabel] & {};

/** Profiles are a few KiB; a generous cap still stops a body from filling memory. */
export const MAX_PROFILE_BYTES = 256 * 1024;

export const WEBHOOK_BASE_PATH = "/webhooks";

/** What a webhook answers with its 200. */
export type WebhookAnswer =
  | { outcome: string; version: number }
  | { outcome: string; version: number; third_party_id: string }
  | { outcome: string };

/** One webhook path: who may call it, what it counts, and how a parsed body becomes its answer. */
export interface WebhookEndpoint {
  /** Under WEBHOOK_BASE_PATH. */
  path: string;
  metrics: FeedMetricsView;
  /** Whether the caller must send a configured credential. */
  authenticated: boolean;
  /** What the 415's message calls the body. */
  what: string;
  /** Stores the body (the same ingest function whichever path answers) and says what to answer. */
  store(body: unknown, requestId: string): Promise<WebhookAnswer>;
}

export function webhookEndpoints(deps: WebhookDeps): WebhookEndpoint[] {
  // Third-party-id sync is offered for the profile feed only, and only without authentication; the
  // other feeds still send the configured credential. The allowlist admits CrowdTwist's senders,
  // which send for all of its clients, so only without any credential configured does it stand alone.
  const feedsAuthenticated = !deps.thirdPartyIdSync || hasCredentials(deps.credentials);
  const profile: WebhookEndpoint = {
    path: "/crowdtwist/user-profile",
    metrics: deps.metrics,
    authenticated: !deps.thirdPartyIdSync,
    what: "profile",
    async store(body, requestId) {
      const result = await deps.ingest(body, requestId);
      const answer = { outcome: result.kind, version: result.version };
      if (!deps.thirdPartyIdSync) return answer;
      // Our id for the member is the one CrowdTwist already holds unless it sent none; see ADR 0006.
      return { ...answer, third_party_id: result.thirdPartyId ?? result.memberKey };
    },
  };
  const feeds = (Object.entries(deps.feeds ?? {}) as [FeedLabel, WebhookFeed][]).map(
    ([feed, handler]): WebhookEndpoint => ({
      path: FEED_PATHS[feed],
      metrics: handler.metrics,
      authenticated: feedsAuthenticated,
      what: "message",
      async store(body, requestId) {
        const result = await handler.ingest(body, requestId);
        return { outcome: result.kind };
      },
    }),
  );
  return [profile, ...feeds];
}

/** Why a caller is turned away, before a byte of the body is read; counted by whoever answers it. */
export interface CallerRefusal {
  reason: AuthFailureReason;
  error: AppError;
  /** Headers the refusal carries. */
  headers: Readonly<Record<string, string>>;
}

const BASIC_CHALLENGE = { "www-authenticate": 'Basic realm="live-push"' } as const;

/** Who is calling, or null when admitted. The messages say no more than the status. */
export function callerRefusal(
  deps: Pick<WebhookDeps, "allowlist" | "credentials">,
  endpoint: Pick<WebhookEndpoint, "authenticated">,
  caller: { ip: () => string; apiKey: string | undefined; authorization: string | undefined },
): CallerRefusal | null {
  if (deps.allowlist && !deps.allowlist.allows(caller.ip())) {
    return { reason: "ip_not_allowed", error: new AppError(403, "forbidden", "Not allowed."), headers: {} };
  }
  if (endpoint.authenticated && !credentialsMatch(deps.credentials, caller)) {
    return {
      reason: "bad_credentials",
      error: new AppError(401, "unauthenticated", "Authentication required."),
      headers: deps.credentials.basicUser ? BASIC_CHALLENGE : {},
    };
  }
  return null;
}

/** True for a body declared as JSON (any parameters, such as a charset, are ignored). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType?.split(";")[0]?.trim().toLowerCase() === "application/json";
}

export function unsupportedMediaType(endpoint: Pick<WebhookEndpoint, "metrics" | "what">): AppError {
  endpoint.metrics.validationFailures.inc({ reason: "content_type" });
  return new AppError(415, "unsupported_media_type", `Send the ${endpoint.what} as application/json.`);
}

/** The body's JSON; a body that cannot be read or parsed is counted and refused with 400. */
export async function readWebhookJson(text: Promise<string>, metrics: FeedMetricsView): Promise<unknown> {
  try {
    return JSON.parse(await text);
  } catch {
    metrics.validationFailures.inc({ reason: "malformed_json" });
    throw new AppError(400, "malformed_json", "The body is not valid JSON.");
  }
}

/** Every webhook failure's answer (a 5xx is logged with the request id). */
export function webhookErrorHandler(logger: Logger) {
  return apiErrorHandler(logger, "webhook failed");
}

export function webhookRoutes(deps: WebhookDeps) {
  const checkCaller =
    (endpoint: WebhookEndpoint): MiddlewareHandler =>
    async (c, next) => {
      const refusal = callerRefusal(deps, endpoint, {
        ip: () => deps.clientIp(c),
        apiKey: c.req.header("x-api-key"),
        authorization: c.req.header("authorization"),
      });
      if (refusal) {
        endpoint.metrics.authFailures.inc({ reason: refusal.reason });
        for (const [name, value] of Object.entries(refusal.headers)) c.header(name, value);
        throw refusal.error;
      }
      await next();
    };

  const checkBody =
    (endpoint: WebhookEndpoint): MiddlewareHandler =>
    async (c, next) => {
      if (!isJsonContentType(c.req.header("content-type"))) throw unsupportedMediaType(endpoint);
      try {
        // Counts streamed bytes too, so a chunked body without a length is cut off at the cap.
        await limitBody(MAX_PROFILE_BYTES)(c, next);
      } catch (error) {
        if (error instanceof AppError && error.status === 413) {
          endpoint.metrics.validationFailures.inc({ reason: "too_large" });
          // The rest of the body is never read, so this connection cannot carry another request.
          c.header("connection", "close");
        }
        throw error;
      }
    };

  const app = new Hono()
    .basePath(WEBHOOK_BASE_PATH)
    .use(requestIds())
    .use(requestLog(deps.logger, deps.clientIp));
  for (const endpoint of webhookEndpoints(deps)) {
    app.post(endpoint.path, checkCaller(endpoint), checkBody(endpoint), async (c) => {
      const body = await readWebhookJson(c.req.text(), endpoint.metrics);
      return c.json(await endpoint.store(body, c.get("requestId")), 200);
    });
  }
  app.onError(webhookErrorHandler(deps.logger));
  app.notFound(handleNotFound);
  return app;
}
