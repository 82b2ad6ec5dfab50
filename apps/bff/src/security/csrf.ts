import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors.ts";

// Every state-changing API request must prove it comes from our own page: a custom header (which a
// cross-site form or a simple fetch cannot send without a CORS preflight we never allow) and a
// same-origin Origin or Sec-Fetch-Site. This covers JSON, form and body-less requests alike; Hono's
// built-in csrf middleware only looks at form content types.

export const CSRF_HEADER = "x-csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrfProtection(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.header(CSRF_HEADER) !== "1") {
      throw new AppError(403, "csrf_rejected", `State-changing requests need the ${CSRF_HEADER}: 1 header.`);
    }
    const origin = c.req.header("origin");
    const fetchSite = c.req.header("sec-fetch-site");
    const sameOrigin = origin ? origin === publicOrigin : fetchSite === "same-origin";
    if (!sameOrigin || (fetchSite && fetchSite !== "same-origin")) {
      throw new AppError(
        403,
        "csrf_rejected",
        "Requests that change something must come from the portal itself.",
      );
    }
    return next();
  };
}
