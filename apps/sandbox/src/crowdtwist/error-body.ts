import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

// CrowdTwist's documented error body: `{ "error": "<short code>", "message": "<detail>" }`.

export interface CrowdTwistErrorBody {
  error: string;
  message: string;
}

export function crowdTwistError(c: Context, status: ContentfulStatusCode, error: string, message: string) {
  const body: CrowdTwistErrorBody = { error, message };
  return c.json(body, status);
}
