import { zValidator } from "@hono/zod-validator";
import type { ActivityExtended } from "@portal/crowdtwist/activity-extended";
import { isCrowdTwistError } from "@portal/crowdtwist/errors";
import type { Program } from "@portal/loyalty/program";
import { visibilityMatrix } from "@portal/loyalty/visibility-matrix";
import { Hono } from "hono";
import { z } from "zod";
import { requireManager, type SessionVariables } from "../auth/session-middleware.ts";
import { AppError } from "../errors.ts";

// The program manager's area. Every route here sits behind requireManager: members get 403 and
// anonymous callers 401 (a test walks every registered route to keep it so).

export interface ManagerDeps {
  activityExtended: (id: string) => Promise<ActivityExtended>;
  program: Program;
}

const activityParams = z.object({
  id: z.string().regex(/^\d{1,12}$/, "An activity id is the number CrowdTwist gives it, e.g. 64."),
});

export function managerRoutes(deps: ManagerDeps) {
  return new Hono<{ Variables: SessionVariables }>().use(requireManager()).get(
    "/activities/:id",
    zValidator("param", activityParams, (result) => {
      if (!result.success) {
        throw new AppError(
          400,
          "invalid_activity_id",
          result.error.issues[0]?.message ?? "Invalid activity id.",
        );
      }
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const activity = await deps.activityExtended(id).catch((error: unknown) => {
        if (isCrowdTwistError(error) && error.code === "no_data") {
          throw new AppError(404, "activity_not_found", `CrowdTwist has no activity ${id}.`);
        }
        throw error;
      });
      const matrix = visibilityMatrix(
        deps.program,
        { minTierId: activity.minTierId, showAsLockedByTier: activity.showAsLockedByTier },
        activity.segment
          ? { subscriptionId: activity.segment.subscriptionId, eligibility: activity.segment.eligibility }
          : null,
      );
      return c.json({ activity, matrix }, 200);
    },
  );
}
