import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";
import { readSessionCookie } from "./cookies.ts";
import type { Session, SessionStore } from "./session-store.ts";

export const MANAGER_ROLE = "program_manager";

export type SessionVariables = { session: Session | null; sessionId: string | null };
/**
 * What the routes after requireSession or requireManager see: a session, always (the middleware
 * answered 401 otherwise), so they need no check of their own.
 */
export type SignedInVariables = { session: Session; sessionId: string };

/** Puts the caller's live session (or null) on the context; answers nothing by itself. */
export function loadSession(sessions: SessionStore): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    const id = readSessionCookie(c);
    const session = id ? await sessions.get(id) : null;
    c.set("session", session);
    c.set("sessionId", session ? (id ?? null) : null);
    return next();
  };
}

export function requireSession(): MiddlewareHandler<{ Variables: SignedInVariables }> {
  return async (c, next) => {
    // Typed as the routes after it see it; here it may still be null.
    const session: Session | null = c.get("session");
    if (!session) throw new AppError(401, "unauthenticated", "Sign in to continue.");
    return next();
  };
}

export function requireManager(): MiddlewareHandler<{ Variables: SignedInVariables }> {
  return async (c, next) => {
    const session: Session | null = c.get("session");
    if (!session) throw new AppError(401, "unauthenticated", "Sign in to continue.");
    if (!session.roles.includes(MANAGER_ROLE)) {
      throw new AppError(403, "forbidden", "This area is for program managers.");
    }
    return next();
  };
}
