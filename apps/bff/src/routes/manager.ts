import { isCrowdTwistError } from "@portal/crowdtwist/errors";
import { CROWDTWIST_ID_TYPES, type CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import { Hono } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { z } from "zod";
import { requireManager, type SessionVariables } from "../auth/session-middleware.ts";
import { AppError } from "../errors.ts";
import type { ManagerDeps } from "../manager/manager-deps.ts";
import { memberIdProblem } from "../manager/member-id-problem.ts";
import type { MemberActivityView } from "../member/activity-views.ts";
import type { SegmentView } from "../member/member-feeds.ts";
import { normaliseMemberId } from "../member/member-id.ts";
import type { HistoryEntryView } from "../member/points-history.ts";
import type { MemberProfileView } from "../profile/profile-view.ts";
import type { Freshness } from "../upstream/cached-upstream.ts";
import { parseJson } from "../wire/json-bytes.ts";
import { auditRoutes } from "./manager-audit.ts";
import { validate } from "./validate.ts";

// The program manager's area. Every route here sits behind requireManager: members get 403 and
// anonymous callers 401 (a test walks every registered route to keep it so).

/** How many of the previewed member's latest history entries the preview shows. */
export const PREVIEW_HISTORY_ENTRIES = 20;

/**
 * A member's page as the member sees it, read-only: the profile behind the tier card (path, numbers,
 * history) and the activities, the member's latest points history and recorded segment changes. The
 * profile, history and segments are stored under the configured id type, so a preview by another id
 * type has none (`null`, and `profileIdType` says which id finds them). The activities are the
 * member's cached list read back from its JSON, as the member's browser reads it (dates as strings).
 */
export type MemberPreviewBody = {
  member: { idType: CrowdTwistIdType; userId: string };
  auditId: string;
  readOnly: true;
  profile: MemberProfileView | null;
  /** The latest entries, newest first (at most PREVIEW_HISTORY_ENTRIES). */
  history: HistoryEntryView[] | null;
  /** Every segment and group a recorded change names, latest change first. */
  segments: SegmentView[] | null;
  profileIdType: CrowdTwistIdType;
} & (
  | { enrolled: true; activities: JSONParsed<MemberActivityView>[]; freshness: Freshness }
  | { enrolled: false; activities: []; freshness: null }
);

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
      .min(
        10,
        "reason must say why you are previewing this member (at least 10 characters); it goes into the audit log.",
      )
      .max(500, "reason can be at most 500 characters.")
      .refine(printableText, "reason contains a control character or a broken one; remove it."),
  })
  .superRefine(({ idType, userId }, ctx) => {
    const problem = memberIdProblem(idType, userId);
    if (problem) ctx.addIssue({ code: "custom", path: ["userId"], message: `userId ${problem}.` });
  })
  // Spelled as a signed-in member's id is (an email in lower case), so the preview finds the same member.
  .transform((body) => ({ ...body, userId: normaliseMemberId(body.userId, body.idType) }));

export function managerRoutes(deps: ManagerDeps) {
  return new Hono<{ Variables: SessionVariables }>()
    .use(requireManager())
    .get("/activities", async (c) =>
      c.json({ tiers: deps.tiers, activities: await deps.known.list(), recent: deps.known.recent() }, 200),
    )
    .get("/activities/:id", validate("param", activityParams, "invalid_activity_id"), async (c) => {
      const { id } = c.req.valid("param");
      const preview = await deps.preview.describe(id).catch((error: unknown) => {
        if (isCrowdTwistError(error) && error.code === "no_data") {
          throw new AppError(404, "activity_not_found", `CrowdTwist has no activity ${id}.`);
        }
        throw error;
      });
      deps.known.noteViewed(id);
      return c.json(preview, 200);
    })
    .post("/preview-member", validate("json", previewBody, "invalid_preview_request"), async (c) => {
      const session = c.get("session");
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
      // After the activities: the profile's path to the next tier is planned from them.
      const stored = idType === deps.profileIdType;
      const [profile, history, segments] = stored
        ? await Promise.all([
            deps.profiles.current(userId).then((current) => current?.view ?? null),
            deps.history.page(userId, null, PREVIEW_HISTORY_ENTRIES).then((page) => page.entries),
            deps.feeds.segments(userId),
          ])
        : [null, null, null];
      const common = {
        member: { idType, userId },
        auditId: entry.id,
        readOnly: true as const,
        profile,
        history,
        segments,
        profileIdType: deps.profileIdType,
      };
      const body: MemberPreviewBody = result.enrolled
        ? {
            ...common,
            enrolled: true,
            activities: parseJson(result.activitiesBytes),
            freshness: result.freshness,
          }
        : { ...common, enrolled: false, activities: [], freshness: null };
      return c.json(body, 200);
    })
    .route("/audit", auditRoutes({ audit: deps.audit }));
}
