import type { MiddlewareHandler } from "hono";

// The portal has one address, PUBLIC_URL. Sign-in only works there: the identity provider always
// returns to PUBLIC_URL's callback, and the __Host- cookies belong to the host name the browser used,
// so a sign-in started at http://127.0.0.1:3000 cannot finish at http://localhost:3000. Pages and
// sign-in asked for under any other name of the same server are therefore sent to PUBLIC_URL, same
// path and query, before anything starts.
//
// The target is always PUBLIC_URL's origin, never a host the request names, so this cannot be turned
// into an open redirect. A forwarded host (X-Forwarded-Host) is read only to *skip* the redirect behind
// a proxy that rewrites Host; forging it gains nothing but the page the sender asked for.
//
// Left alone: the other API routes (a browser never calls them from another host, since the pages
// that would are redirected; scripts, monitors and probes that call by IP keep working, and without
// the host's cookie they are anonymous anyway), webhooks (CrowdTwist posts to whatever address it
// was given) and /metrics (scraped by address).

const SIGN_IN = new Set(["/api/auth/login", "/api/auth/callback"]);
const LEFT_ALONE = /^\/(?:api|webhooks)(?:\/|$)|^\/metrics$/;
/** A bare `host[:port]`: anything that could carry a path, user info or a second host is no match. */
const BARE_HOST = /^[^\s/?#@\\]+$/;

export function canonicalHost(publicUrl: string): MiddlewareHandler {
  const canonical = new URL(publicUrl);
  // Parsed with PUBLIC_URL's scheme, so `portal.example:443` matches `https://portal.example`, as
  // does a bare `portal.example` behind a proxy that ends TLS.
  const isCanonical = (host: string | undefined) => {
    const candidate = host?.split(",")[0]?.trim();
    if (!candidate || !BARE_HOST.test(candidate)) return false;
    try {
      return new URL(`${canonical.protocol}//${candidate}`).host === canonical.host;
    } catch {
      return false;
    }
  };
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const path = c.req.path;
    if (!SIGN_IN.has(path) && LEFT_ALONE.test(path)) return next();
    // Without a Host header (HTTP/2's :authority, an in-process request) the URL carries the name.
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (isCanonical(host) || isCanonical(c.req.header("x-forwarded-host"))) return next();
    const { pathname, search } = new URL(c.req.url);
    // 308 keeps the method; no-store, so a browser does not remember it past a change of PUBLIC_URL.
    return c.body(null, 308, {
      location: `${canonical.origin}${pathname}${search}`,
      "cache-control": "no-store",
    });
  };
}
