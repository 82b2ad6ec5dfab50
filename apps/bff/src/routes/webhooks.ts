import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { Logger } from "pino";
import { AppError, apiErrorHandler, handleNotFound } from "../errors.ts";
import { FEED_PATHS } from "../live-push/feeds/feed-definitions.ts";
import type { FeedIngest } from "../live-push/feeds/feed-ingest.ts";
import type { LivePushIngest } from "../live-push/ingest.ts";
import type { IpAllowlist } from "../live-push/ip-allowlist.ts";
import type { FeedLabel, FeedMetricsView, LivePushMetrics } from "../live-push/metrics.ts";
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

export function webhookRoutes(deps: WebhookDeps) {
  // Third-party-id sync is offered for the profile feed only, and only without authentication; the
  // other feeds still send the configured credential. The allowlist admits CrowdTwist's senders,
  // which send for all of its clients, so only without any credential configured does it stand alone.
  const profileAuthenticated = !deps.thirdPartyIdSync;
  const feedsAuthenticated = !deps.thirdPartyIdSync || hasCredentials(deps.credentials);

  // Who is calling, before a byte of the body is read. The messages say no more than the status.
  const checkCaller =
    (metrics: FeedMetricsView, authenticated: boolean): MiddlewareHandler =>
    async (c, next) => {
      if (deps.allowlist && !deps.allowlist.allows(deps.clientIp(c))) {
        metrics.authFailures.inc({ reason: "ip_not_allowed" });
        throw new AppError(403, "forbidden", "Not allowed.");
      }
      const headers = { apiKey: c.req.header("x-api-key"), authorization: c.req.header("authorization") };
      if (authenticated && !credentialsMatch(deps.credentials, headers)) {
        metrics.authFailures.inc({ reason: "bad_credentials" });
        if (deps.credentials.basicUser) c.header("www-authenticate", 'Basic realm="live-push"');
        throw new AppError(401, "unauthenticated", "Authentication required.");
      }
      await next();
    };

  const checkBody =
    (metrics: FeedMetricsView, what: string): MiddlewareHandler =>
    async (c, next) => {
      const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
      if (type !== "application/json") {
        metrics.validationFailures.inc({ reason: "content_type" });
        throw new AppError(415, "unsupported_media_type", `Send the ${what} as application/json.`);
      }
      try {
        // Counts streamed bytes too, so a chunked body without a length is cut off at the cap.
        await limitBody(MAX_PROFILE_BYTES)(c, next);
      } catch (error) {
        if (error instanceof AppError && error.status === 413) {
          metrics.validationFailures.inc({ reason: "too_large" });
          // The rest of the body is never read, so this connection cannot carry another request.
          c.header("connection", "close");
        }
        throw error;
      }
    };

  const readJson = async (c: Context, metrics: FeedMetricsView): Promise<unknown> => {
    try {
      return JSON.parse(await c.req.text());
    } catch {
      metrics.validationFailures.inc({ reason: "malformed_json" });
      throw new AppError(400, "malformed_json", "The body is not valid JSON.");
    }
  };

  const app = new Hono()
    .basePath("/webhooks")
    .use(requestIds())
    .use(requestLog(deps.logger, deps.clientIp))
    .post(
      "/crowdtwist/user-profile",
      checkCaller(deps.metrics, profileAuthenticated),
      checkBody(deps.metrics, "profile"),
      async (c) => {
        const body = await readJson(c, deps.metrics);
        const result = await deps.ingest(body, c.get("requestId"));
        const answer = { outcome: result.kind, version: result.version };
        if (!deps.thirdPartyIdSync) return c.json(answer, 200);
        // Our id for the member is the one CrowdTwist already holds unless it sent none; see ADR 0006.
        return c.json({ ...answer, third_party_id: result.thirdPartyId ?? result.memberKey }, 200);
      },
    );

  for (const [feed, handler] of Object.entries(deps.feeds ?? {}) as [FeedLabel, WebhookFeed][]) {
    app.post(
      FEED_PATHS[feed],
      checkCaller(handler.metrics, feedsAuthenticated),
      checkBody(handler.metrics, "message"),
      async (c) => {
        const result = await handler.ingest(await readJson(c, handler.metrics), c.get("requestId"));
        return c.json({ outcome: result.kind }, 200);
      },
    );
  }

  app.onError(apiErrorHandler(deps.logger, "webhook failed"));
  app.notFound(handleNotFound);
  return app;
}
