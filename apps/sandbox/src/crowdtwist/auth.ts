import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { crowdTwistError } from "./error-body.ts";

// CrowdTwist takes the key in `X-CT-Authorization: CTApiKey <key>` (one space) or in the `api_key`
// query parameter. Either one that matches is enough; a missing or wrong key gets the documented 403.

/** Equal-time comparison: hashing first makes both sides the same length whatever was sent. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function crowdTwistAuth(apiKey: string): MiddlewareHandler {
  const expectedHeader = `CTApiKey ${apiKey}`;
  return async (c, next) => {
    const header = c.req.header("x-ct-authorization");
    const query = c.req.query("api_key");
    const byHeader = header !== undefined && sameSecret(header, expectedHeader);
    const byQuery = query !== undefined && sameSecret(query, apiKey);
    if (!byHeader && !byQuery) return crowdTwistError(c, 403, "invalid_auth", "Invalid access credentials.");
    await next();
  };
}
