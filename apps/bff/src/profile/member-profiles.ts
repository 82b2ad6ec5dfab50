import type { Program } from "@portal/loyalty/program";
import { planTierPath } from "@portal/loyalty/tier-path";
import type { Queryable } from "../db/database.ts";
import { plannable } from "../member/activity-views.ts";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberFeeds } from "../member/member-feeds.ts";
import { parseJson } from "../wire/json-bytes.ts";
import { type MemberProfileView, toProfileView } from "./profile-view.ts";
import { readMemberProfile } from "./read-member-profile.ts";

// A member's stored Live Push profile as the browser sees it, with the version that orders changes,
// and the plan: which of the member's own activities reach the next tier (or keep the current one).

export interface VersionedProfile {
  view: MemberProfileView;
  version: number;
}

export interface MemberProfilesDeps {
  db: Queryable;
  program: Program;
  memberActivities: MemberActivities;
  /** The member's expiring points (Points Expiration feed), shown with the tier card. */
  feeds?: Pick<MemberFeeds, "expiringPoints">;
  now?: () => Date;
}

export function createMemberProfiles(deps: MemberProfilesDeps) {
  const now = deps.now ?? (() => new Date());

  /**
   * The plan is a bonus, made from the activities already cached: the profile comes from the database
   * alone and never waits on CrowdTwist. Without cached activities (first visit, not enrolled,
   * CrowdTwist down) the profile stands alone; once they are loaded, the member's open tabs get the
   * profile again with its plan (see live/live-updates.ts).
   */
  function plan(memberKey: string, view: MemberProfileView, at: Date): MemberProfileView["plan"] {
    const bytes = deps.memberActivities.cached(memberKey);
    if (!bytes) return null;
    const activities = parseJson(bytes).map(plannable);
    const { pointsToNext, maintain } = view.tier;
    return {
      toNextTier:
        pointsToNext !== null && pointsToNext > 0
          ? planTierPath({ activities, pointsNeeded: pointsToNext, now: at })
          : null,
      toKeep: maintain?.atRisk
        ? planTierPath({ activities, pointsNeeded: maintain.pointsNeeded, now: at })
        : null,
    };
  }

  return {
    async current(memberKey: string): Promise<VersionedProfile | null> {
      const at = now();
      const [record, expiringPoints] = await Promise.all([
        readMemberProfile(deps.db, memberKey),
        deps.feeds?.expiringPoints(memberKey, at) ?? [],
      ]);
      if (!record) return null;
      const view = toProfileView(record, deps.program, at);
      return { view: { ...view, plan: plan(memberKey, view, at), expiringPoints }, version: record.version };
    },
  };
}
export type MemberProfiles = ReturnType<typeof createMemberProfiles>;
