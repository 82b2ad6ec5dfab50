import type { MiddlewareHandler } from "hono";
// Hono's requestId middleware declares the `requestId` context variable.
import type {} from "hono/request-id";
import type { Logger } from "pino";
import { AppError } from "../errors.ts";

// Sign-in is a chain of full-page navigations (portal → identity provider → portal), so a failure
// anywhere in it lands the member on whatever the BFF answers. JSON there is a dead end; instead
// every failure of `GET /api/auth/login` and `GET /api/auth/callback` becomes a redirect to the
// web app's failure page, which says what happened in plain words and offers "Sign in again".
// The address carries a reason code and the request id to quote, nothing else: never the
// provider's own error text, a code, a state or a token.

export const SIGN_IN_FAILED_PATH = "/sign-in-failed";

/** What the failure page can say; anything else reads as `failed`. */
export const SIGN_IN_FAILURE_REASONS = [
  "expired",
  "denied",
  "unavailable",
  "busy",
  "unverified",
  "no_member",
  "failed",
] as const;
export type SignInFailureReason = (typeof SIGN_IN_FAILURE_REASONS)[number];

/** The error codes the sign-in routes (and the limits in front of them) throw, as reasons. */
const REASON_BY_CODE: Record<string, SignInFailureReason> = {
  sign_in_expired: "expired",
  sign_in_denied: "denied",
  identity_provider_unavailable: "unavailable",
  rate_limited: "busy",
  // The request deadline cut it short: the provider (or the database) did not answer in time.
  timeout: "unavailable",
  // Signed in at the provider, but not as a member the portal may look up (ADR 0020).
  sign_in_email_unverified: "unverified",
  sign_in_no_member_id: "no_member",
};

export function failureReason(error: Error | undefined): SignInFailureReason {
  return error instanceof AppError ? (REASON_BY_CODE[error.code] ?? "failed") : "failed";
}

const SIGN_IN_PATHS = new Set(["/api/auth/login", "/api/auth/callback"]);

/**
 * Mounted in front of everything that can refuse a sign-in (rate limits included), so whatever
 * error answer comes back from behind it is swapped for the redirect. Cookies the failed step set or
 * cleared (the sign-in cookie) travel with the redirect.
 */
export function signInFailurePages(publicUrl: string, logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
    if (!SIGN_IN_PATHS.has(c.req.path) || c.res.status < 400) return;
    const reason = failureReason(c.error);
    const requestId = c.get("requestId");
    const target = new URL(SIGN_IN_FAILED_PATH, publicUrl);
    target.searchParams.set("reason", reason);
    if (requestId) target.searchParams.set("ref", requestId);
    logger.info({ requestId, reason, status: c.res.status }, "sign-in ended on the failure page");
    c.res = new Response(null, { status: 302, headers: { location: target.href } });
  };
}
