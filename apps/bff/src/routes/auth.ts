import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { Hono } from "hono";
import type { Logger } from "pino";
import { z } from "zod";
import {
  clearLoginCookie,
  clearSessionCookie,
  clearSignedInHint,
  readLoginCookie,
  writeLoginCookie,
  writeSessionCookie,
  writeSignedInHint,
} from "../auth/cookies.ts";
import type { LoginStateStore } from "../auth/login-state-store.ts";
import { type MemberIdRefusal, memberIdFromClaims } from "../auth/member-id-claim.ts";
import { isProviderUnavailable, type OidcClient } from "../auth/oidc-client.ts";
import { landingAfterSignIn, safeReturnTo } from "../auth/return-to.ts";
import { MANAGER_ROLE, type SessionVariables } from "../auth/session-middleware.ts";
import type { SessionStore } from "../auth/session-store.ts";
import { AppError } from "../errors.ts";
import { validate } from "./validate.ts";

export interface AuthDeps {
  oidc: OidcClient;
  sessions: SessionStore;
  loginStates: LoginStateStore;
  logger: Logger;
  absoluteTimeoutMs: number;
  /** The ID token claim whose value is the member's CrowdTwist user id (default `sub`). */
  crowdtwistIdClaim: string;
  /** Which of the member's ids that claim is (CROWDTWIST_ID_TYPE). */
  crowdtwistIdType: CrowdTwistIdType;
  publicUrl: string;
}

const stringArray = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

/** The provider signed the person in, but not as anyone the rewards program can be asked about. */
function memberIdRefused(reason: MemberIdRefusal): AppError {
  if (reason === "email_unverified") {
    return new AppError(
      403,
      "sign_in_email_unverified",
      "Your email address is not verified yet. Verify it with your sign-in provider, then sign in again.",
    );
  }
  return new AppError(
    403,
    "sign_in_no_member_id",
    "Your sign-in does not say which rewards member you are, so the portal cannot show your account. Please contact support.",
  );
}

/** Where the identity provider sends the browser after signing out (`post_logout_redirect_uri`). */
export const SIGNED_OUT_PATH = "/signed-out";

const providerUnavailable = () =>
  new AppError(
    503,
    "identity_provider_unavailable",
    "Sign-in is unavailable right now. Please try again shortly.",
  );

/**
 * The provider answered the callback with an error instead of a code: the member cancelled or
 * refused (`access_denied`), or the provider failed. Its description is logged, never shown: it is
 * text from the address bar, which anyone can write.
 */
function refusedByProvider(logger: Logger, requestId: string | undefined, params: URLSearchParams): AppError {
  const error = params.get("error") ?? "";
  logger.warn(
    {
      requestId,
      providerError: error.slice(0, 64),
      description: params.get("error_description")?.slice(0, 200),
    },
    "identity provider refused the sign-in",
  );
  if (error === "access_denied") {
    return new AppError(403, "sign_in_denied", "Sign-in was cancelled or refused at the identity provider.");
  }
  if (error === "temporarily_unavailable" || error === "server_error") return providerUnavailable();
  return new AppError(400, "sign_in_failed", "Sign-in could not be completed. Please try again.");
}

/** Where to come back to after signing in: one same-site path (anything else lands on the home page). */
const loginQuery = z.object({
  returnTo: z.string({ error: "returnTo must be one path of the portal, e.g. /activities." }).optional(),
});

export function authRoutes(deps: AuthDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .get("/login", validate("query", loginQuery, "invalid_sign_in_request"), async (c) => {
      const request = await deps.oidc.authorizationRequest().catch((error: unknown) => {
        deps.logger.error({ err: error, requestId: c.get("requestId") }, "identity provider unreachable");
        throw providerUnavailable();
      });
      await deps.loginStates.save(request.state, {
        codeVerifier: request.codeVerifier,
        nonce: request.nonce,
        returnTo: safeReturnTo(c.req.valid("query").returnTo),
      });
      writeLoginCookie(c, request.state);
      return c.redirect(request.url.toString(), 302);
    })
    .get("/callback", async (c) => {
      const callbackUrl = new URL(c.req.url);
      const state = callbackUrl.searchParams.get("state");
      const cookieState = readLoginCookie(c);
      clearLoginCookie(c);
      // The state must be the one this browser started with, and unused: a foreign or replayed
      // answer finds no login state and creates no session.
      const login = state && cookieState === state ? await deps.loginStates.take(state) : null;
      if (!login || !state) {
        throw new AppError(
          400,
          "sign_in_expired",
          "That sign-in link is no longer valid. Please sign in again.",
        );
      }
      if (callbackUrl.searchParams.has("error"))
        throw refusedByProvider(deps.logger, c.get("requestId"), callbackUrl.searchParams);
      const redirectUri = new URL("/api/auth/callback", deps.publicUrl);
      redirectUri.search = callbackUrl.search;
      const signedIn = await deps.oidc
        .finish(redirectUri, { state, nonce: login.nonce, codeVerifier: login.codeVerifier })
        .catch((error: unknown) => {
          deps.logger.warn({ err: error, requestId: c.get("requestId") }, "sign-in callback refused");
          if (isProviderUnavailable(error)) throw providerUnavailable();
          throw new AppError(400, "sign_in_failed", "Sign-in could not be completed. Please try again.");
        });
      const { claims } = signedIn;
      const member = memberIdFromClaims(claims, deps.crowdtwistIdClaim, deps.crowdtwistIdType);
      if (!member.ok) {
        // The claim's name, never its value: an email address is personal data.
        deps.logger.warn(
          { requestId: c.get("requestId"), reason: member.reason, claim: deps.crowdtwistIdClaim },
          "sign-in refused: no usable CrowdTwist member id",
        );
        throw memberIdRefused(member.reason);
      }
      const crowdtwistUserId = member.memberId;
      // A new id at every sign-in: whatever id the browser held before is never promoted.
      const previous = c.get("sessionId");
      if (previous) await deps.sessions.revoke(previous);
      const roles = stringArray(claims.roles);
      const { id } = await deps.sessions.create({
        sub: claims.sub,
        crowdtwistUserId,
        name: stringOrNull(claims.name),
        email: stringOrNull(claims.email),
        roles,
        idToken: signedIn.idToken,
      });
      const maxAge = Math.floor(deps.absoluteTimeoutMs / 1000);
      writeSessionCookie(c, id, maxAge);
      writeSignedInHint(c, maxAge);
      return c.redirect(landingAfterSignIn(login.returnTo, roles.includes(MANAGER_ROLE)), 302);
    })
    .post("/logout", async (c) => {
      const session = c.get("session");
      const id = c.get("sessionId");
      // Revoking ends the session's live streams too (the session store tells the hub).
      if (id) await deps.sessions.revoke(id);
      clearSessionCookie(c);
      clearSignedInHint(c);
      // The provider's end-session page comes back to the portal's "You're signed out"; when the
      // provider cannot be reached the portal session is over all the same, so go straight there.
      const logoutUrl = await deps.oidc
        .logoutUrl(session?.idToken ?? null)
        .catch(() => new URL(SIGNED_OUT_PATH, deps.publicUrl).href);
      return c.json({ logoutUrl }, 200);
    });
}
