import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import { issuesOf } from "../validation-issues.ts";

/**
 * The one way a route reads its input (`.dependency-cruiser.cjs` lets nothing else import
 * zValidator): a refusal is a 400 in the error shape (errors.ts) under the route's `code`, with
 * every problem in `issues` by its field's path and the first one as the message, so the page can put
 * each by its field. A JSON body must say it is JSON: anything else is a 415, not a 400 about
 * fields a body of another type was never going to have. (A body that is not valid JSON is refused
 * before this runs, as `malformed_json`, by the error handler.)
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
  code: string,
) {
  return zValidator(target, schema, (result, c) => {
    if (target === "json" && !JSON_MEDIA_TYPE.test(mediaType(c.req.header("content-type")))) {
      throw new AppError(415, "unsupported_media_type", "Send the body as application/json.");
    }
    if (result.success) return;
    const issues = issuesOf(result.error.issues);
    throw new AppError(400, code, issues[0]?.message ?? "The request is not valid.", { issues });
  });
}

/** As Hono's validator tells JSON (application/json, application/…+json). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/;
const mediaType = (header: string | undefined) => header?.split(";")[0]?.trim().toLowerCase() ?? "";
