import type { MiddlewareHandler } from "hono";

// The security headers of every answer, computed once at start and set before the handler runs, so
// they travel with the response as it is built instead of being patched onto it afterwards (which
// makes the Node adapter materialise a full Headers object on every request).

export function securityHeaderValues(options: {
  production: boolean;
  /** Hashes (`'sha256-…'`) of inline styles the page may apply: the app's HTML carries the brand's. */
  styleHashes?: readonly string[];
}): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...(options.styleHashes ?? [])].join(" "),
    // Activity images come from CrowdTwist's image host (https); the local sandbox serves them on loopback.
    `img-src 'self' data: https:${options.production ? "" : " http://localhost:*"}`,
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  return {
    "content-security-policy": csp,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "x-permitted-cross-domain-policies": "none",
    ...(options.production ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function securityHeaders(values: Record<string, string>): MiddlewareHandler {
  const entries = Object.entries(values);
  return (c, next) => {
    for (const [name, value] of entries) c.header(name, value);
    return next();
  };
}
