import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

// Cookie names carry the __Host- prefix: Secure, Path=/, no Domain, so no other host can set or
// read them. The session cookie is SameSite=Strict; only the short-lived sign-in cookie is Lax,
// because it must come back on the identity provider's cross-site redirect to the callback.

export const SESSION_COOKIE = "portal.sid";
export const LOGIN_COOKIE = "portal.login";
const LOGIN_MAX_AGE = 10 * 60;

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE, "host");
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
