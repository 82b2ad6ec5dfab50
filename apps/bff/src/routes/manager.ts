import { zValidator } from "@hono/zod-validator";
import { isCrowdTwistError } from "@portal/crowdtwist/errors";
import { CROWDTWIST_ID_TYPES } from "@portal/crowdtwist/id-types";
import { Hono } from "hono";
import { z } from "zod";
import { requireManager, type SessionVariables } from "../auth/session-middleware.ts";
import { AppError } from "../errors.ts";
import type { ActivityPreviewService } from "../manager/activity-preview.ts";
import type { AuditLog } from "../manager/audit-log.ts";
import type { KnownActivities } from "../manager/known-activities.ts";
import { memberIdProblem } from "../manager/member-id-problem.ts";
import { type MemberActivities, parseActivities } from "../member/member-activities.ts";
import { normaliseMemberId } from "../member/member-id.ts";

// The program manager's area. Every route here sits behind requireManager: members get 403 and
// anonymous callers 401 (a test walks every registered route to keep it so).

export interface ManagerDeps {
  /** The program's tiers, lowest first, so pages can name them. */
  tiers: { id: string; title: string; minScore: number }[];
  preview: ActivityPreviewService;
  known: KnownActivities;
  audit: AuditLog;
  memberActivities: MemberActivities;
}

const activityParams = z.object({
  id: z.string().regex(/^\d{1,12}$/, "An activity id is the number CrowdTwist gives it, e.g. 64."),
});

// A NUL would make Postgres refuse the audit entry; other controls and half surrogate pairs garble it.
const printableText = (text: string) => text.isWellFormed() && !/[^\P{Cc}\t\n\r]/u.test(text);

const previewBody = z
  .object({
    idType: z.enum(CROWDTWIST_ID_TYPES, {
      error: `idType must be one of: ${CROWDTWIST_ID_TYPES.join(", ")}.`,
    }),
    userId: z.string({ error: "userId must be the member's id, as text." }).trim(),
    reason: z
      .string({ error: "reason must be text." })
      .trim()
      .min(10, "Say why you are previewing this member (at least 10 characters); it goes into the audit log.")
      .max(500, "The reason can be at most 500 characters.")
      .refine(printableText, "reason contains a control character or a broken one; remove it."),
  })
  .superRefine(({ idType, userId }, ctx) => {
    const problem = memberIdProblem(idType, userId);
    if (problem) ctx.addIssue({ code: "custom", path: ["userId"], message: `userId ${problem}.` });
  })
  // Spelled as a signed-in member's id is (an email in lower case), so the preview finds the same member.
  .transform((body) => ({ ...body, userId: normaliseMemberId(body.userId, body.idType) }));

/** zValidator's failure hook: answer 400 in our error shape with the first problem in words. */
const invalid =
  (code: string) => (result: { success: boolean; error?: { issues: { message: string }[] } }) => {
    if (!result.success)
      throw new AppError(400, code, result.error?.issues[0]?.message ?? "Invalid request.");
  };

export function managerRoutes(deps: ManagerDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .use(requireManager())
    .get("/activities", async (c) =>
      c.json({ tiers: deps.tiers, activities: await deps.known.list(), recent: deps.known.recent() }, 200),
    )
    .get(
      "/activities/:id",
      zValidator("param", activityParams, invalid("invalid_activity_id")),
      async (c) => {
        const { id } = c.req.valid("param");
        const preview = await deps.preview.describe(id).catch((error: unknown) => {
          if (isCrowdTwistError(error) && error.code === "no_data") {
            throw new AppError(404, "activity_not_found", `CrowdTwist has no activity ${id}.`);
          }
          throw error;
        });
        deps.known.noteViewed(id);
        return c.json(preview, 200);
      },
    )
    .post(
      "/preview-member",
      zValidator("json", previewBody, invalid("invalid_preview_request")),
      async (c) => {
        const session = c.get("session");
        if (!session) throw new Error("requireManager let an anonymous request through");
        const { idType, userId, reason } = c.req.valid("json");
        // The record comes first: no preview is served without its audit entry.
        const entry = await deps.audit.record({
          managerSub: session.sub,
          managerName: session.name,
          action: "preview_member",
          memberIdType: idType,
          memberId: userId,
          reason,
        });
        const result = await deps.memberActivities.forMember(userId, idType);
        const activities = result.enrolled
          ? {
              enrolled: true as const,
              activities: parseActivities(result.activitiesBytes),
              freshness: result.freshness,
            }
          : { enrolled: false as const, activities: [] as unknown[], freshness: null };
        return c.json(
          { member: { idType, userId }, auditId: entry.id, readOnly: true as const, ...activities },
          200,
        );
      },
    )
    .get("/audit", async (c) => c.json({ entries: await deps.audit.list(200) }, 200));
}
