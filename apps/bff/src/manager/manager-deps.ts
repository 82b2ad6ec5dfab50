import type { CrowdTwistIdType } from "@portal/crowdtwist/id-types";
import type { MemberActivities } from "../member/member-activities.ts";
import type { MemberFeeds } from "../member/member-feeds.ts";
import type { PointsHistory } from "../member/points-history.ts";
import type { MemberProfiles } from "../profile/member-profiles.ts";
import type { ActivityPreviewService } from "./activity-preview.ts";
import type { AuditLog } from "./audit-log.ts";
import type { KnownActivities } from "./known-activities.ts";

// What the manager's area is made of: composed in create-manager.ts, served by routes/manager.ts.

export interface ManagerDeps {
  /** The program's tiers, lowest first, so pages can name them. */
  tiers: { id: string; title: string; minScore: number }[];
  preview: ActivityPreviewService;
  known: KnownActivities;
  audit: AuditLog;
  memberActivities: MemberActivities;
  /** Stored Live Push profiles, keyed by the configured id type (CROWDTWIST_ID_TYPE). */
  profiles: MemberProfiles;
  /** The member's points history and segment changes, stored under the same id type as profiles. */
  history: PointsHistory;
  feeds: Pick<MemberFeeds, "segments">;
  profileIdType: CrowdTwistIdType;
}
