import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

// Cookie names carry the __Host- prefix: Secure, Path=/, no Domain, so no other host can set or
// read them. The session cookie is SameSite=Strict; only the short-lived sign-in cookie is Lax,
// because it must come back on the identity provider's cross-site redirect to the callback.

export const SESSION_COOKIE = "portal.sid";
export const LOGIN_COOKIE = "portal.login";
/**
 * A hint the page can read (not HttpOnly, no secret in it): "a session may exist". The web app asks
 * for the member's activities alongside `/api/me` only when it is there, so a signed-out visit sends
 * no request that is bound to answer 401. The session cookie alone decides who is signed in.
 */
export const SIGNED_IN_HINT_COOKIE = "portal.signed-in";
const LOGIN_MAX_AGE = 10 * 60;

export const SESSION_COOKIE_NAME = `__Host-${SESSION_COOKIE}`;
/** Our session ids: 32 random bytes in base64url. */
const SESSION_ID = /^[\w-]{43}$/;

export function readSessionCookie(c: Context): string | undefined {
  const header = c.req.header("cookie");
  if (header === undefined || !header.includes(SESSION_COOKIE_NAME)) return undefined;
  return plainSessionId(header) ?? getCookie(c, SESSION_COOKIE, "host");
}

/**
 * The session id when the Cookie header holds it as one plain `name=<id>` pair, read directly (every
 * API request reads it); null otherwise — absent, or written in a way (duplicates, quotes, spaces,
 * encodings) that only the full parser may judge.
 */
export function plainSessionId(header: string | undefined): string | null {
  if (header === undefined) return null;
  const at = header.indexOf(SESSION_COOKIE_NAME);
  if (at === -1) return null;
  const valueAt = at + SESSION_COOKIE_NAME.length + 1;
  const end = header.indexOf(";", valueAt);
  const value = header.slice(valueAt, end === -1 ? header.length : end);
  const plain =
    (at === 0 || header[at - 1] === ";" || (header[at - 1] === " " && header[at - 2] === ";")) &&
    header[valueAt - 1] === "=" &&
    header.indexOf(SESSION_COOKIE_NAME, valueAt) === -1 &&
    SESSION_ID.test(value);
  return plain ? value : null;
}

export function writeSessionCookie(c: Context, id: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, id, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { prefix: "host", secure: true, path: "/" });
}

export function readLoginCookie(c: Context): string | undefined {
  return getCookie(c, LOGIN_COOKIE, "host");
}

export function writeLoginCookie(c: Context, state: string): void {
  setCookie(c, LOGIN_COOKIE, state, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: LOGIN_MAX_AGE,
  });
}

export function clearLoginCookie(c: Context): void {
  deleteCookie(c, LOGIN_COOKIE, { prefix: "host", secure: true, path: "/" });
}

export function writeSignedInHint(c: Context, maxAgeSeconds: number): void {
  setCookie(c, SIGNED_IN_HINT_COOKIE, "1", {
    prefix: "host",
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}

/** Only when the browser sent one: an anonymous `/api/me` stays free of Set-Cookie otherwise. */
export function clearSignedInHint(c: Context): void {
  if (getCookie(c, SIGNED_IN_HINT_COOKIE, "host") === undefined) return;
  deleteCookie(c, SIGNED_IN_HINT_COOKIE, { prefix: "host", secure: true, path: "/" });
}
