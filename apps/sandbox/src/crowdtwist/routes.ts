import { Hono } from "hono";
import { inSegment } from "../program/rules.ts";
import { ID_TYPES, isIdType, type ProgramState } from "../program/state.ts";
import { crowdTwistAuth } from "./auth.ts";
import { crowdTwistError } from "./error-body.ts";
import { renderActivityExtended } from "./render-activity-extended.ts";
import { renderUserActivity } from "./render-user-activity.ts";

// The sandbox's stand-in for the two CrowdTwist v2 endpoints the portal reads, with the documents'
// paths, status codes, error bodies and quirks. Every `/v2/` request needs the API key first, as
// upstream does; anything under `/v2/` that is not one of the two endpoints is a documented 404.

export interface CrowdTwistRoutesOptions {
  state: ProgramState;
  apiKey: string;
  /** The sandbox's own URL as clients reach it; activity images are made absolute with it. */
  publicUrl: string;
}

const ID_TYPE_LIST = Object.keys(ID_TYPES).join(", ");
const NUMERIC = /^\d+$/;

export function crowdTwistRoutes(options: CrowdTwistRoutesOptions): Hono {
  const { state, publicUrl } = options;
  const app = new Hono();

  app.use("/v2/*", crowdTwistAuth(options.apiKey));

  app.get("/v2/users/:userId/activities", (c) => {
    // An empty `id_type=` is read as absent, i.e. CrowdTwist's default.
    const idType = c.req.query("id_type") || "id";
    if (!isIdType(idType)) {
      return crowdTwistError(c, 400, "invalid", `Value of field id_type must be one of: ${ID_TYPE_LIST}.`);
    }
    const member = state.findMember(idType, c.req.param("userId"));
    if (!member) return crowdTwistError(c, 404, "page_not_found", "User not found.");

    // Segment-restricted activities are not offered to members outside the segment at all; tier
    // rules, in contrast, are reported per member through the two flags.
    const context = { tiers: state.program.tiers, startedAt: state.startedAt, publicUrl };
    const activities = state.program.activities
      .filter((activity) => inSegment(activity, member.segments))
      .map((activity) => renderUserActivity(activity, member, context));
    return c.json(activities, 200);
  });

  app.get("/v2/activities/:activityId/extended", (c) => {
    const activityId = c.req.param("activityId");
    if (!NUMERIC.test(activityId)) {
      return crowdTwistError(c, 400, "invalid", "Value of field activity_id must be a number.");
    }
    const activity = state.activity(Number(activityId));
    if (!activity) return crowdTwistError(c, 404, "no_data", "Activity not found.");
    const context = { segments: state.program.segments, startedAt: state.startedAt, publicUrl };
    // An array with one object, as the document's sample shows (its table describes a bare object).
    return c.json([renderActivityExtended(activity, context)], 200);
  });

  for (const path of ["/v2/users/:userId/activities", "/v2/activities/:activityId/extended"]) {
    app.all(path, (c) => {
      c.header("Allow", "GET, HEAD");
      return crowdTwistError(c, 405, "invalid", `HTTP method ${c.req.method} is not supported.`);
    });
  }

  app.all("/v2/*", (c) => crowdTwistError(c, 404, "page_not_found", "Page not found."));

  return app;
}
