import type { MiddlewareHandler } from "hono";

// API answers carry a member's data (profile, activities, a manager's preview of a member, the audit
// log): no browser cache or shared proxy may keep them. Set after the handler, on errors too, unless
// a route chose its own caching.

export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  };
}
