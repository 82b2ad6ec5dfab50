import type { MemberCommunity } from "./community.ts";
import { type DateWindowState, dateWindowStatus } from "./date-window.ts";
import { type CampaignInput, type EffectivePoints, effectivePoints } from "./effective-points.ts";
import { type FrequencyInput, type FrequencyRule, frequencyRule } from "./frequency.ts";
import { compareMemberActivities } from "./member-activity-order.ts";
import type { Program } from "./program.ts";
import type { NamedSegmentRule } from "./segment.ts";
import { type MemberVisibility, memberVisibility } from "./visibility.ts";

// The activity list the BFF serves to a member's browser: hidden activities removed, the rest
// explained (locked by which tier, open until when, worth how many points) and in a useful order.

/**
 * Structurally the crowdtwist client's `UserActivity`. `Type` carries its activity-type union
 * through to the browser.
 */
export interface UserActivityInput<Type extends string = string> {
  id: string;
  title: string;
  description: string;
  numPoints: number;
  image: string;
  categoryId: string | null;
  type: Type | null;
  typeId: string;
  dateStart: Date | null;
  dateEnd: Date | null;
  minTierId: string | null;
  isHiddenByTier: boolean;
  isLockedByTier: boolean;
  campaigns: readonly CampaignInput[];
  // Optional, from the extended endpoint when the BFF fetches it; absent fields stay absent below.
  /**
   * The extended endpoint's "member-facing" `public_title`/`public_description`. The list's
   * `title`/`description` are Control Center's internal words, shown only when these are empty or
   * unknown (the extended description could not be had).
   */
  publicTitle?: string | null;
  publicDescription?: string | null;
  frequency?: FrequencyInput | null;
  pointsOnClick?: boolean;
  /** The extended endpoint's `redirect_url` and channel id: how the activity is done (activity-action.ts). */
  redirectUrl?: string | null;
  channelId?: string | null;
  segment?: NamedSegmentRule | null;
  /** Present only for an activity linked to an Alida survey or forum. */
  community?: MemberCommunity;
}

/** What the browser needs of the unlocking tier; its ceiling is nobody's business here. */
export interface UnlockTier {
  id: string;
  title: string;
  minScore: number;
}

export type MemberActivityVisibility =
  | { state: "available" }
  | { state: "locked"; unlockTier: UnlockTier | null };

export interface MemberActivityWindow {
  /** ISO 8601, UTC. */
  start: string | null;
  end: string | null;
  state: DateWindowState;
  daysLeft: number | null;
}

export interface MemberActivity<Type extends string = string> {
  id: string;
  title: string;
  description: string;
  image: string;
  categoryId: string | null;
  typeId: string;
  type: Type | null;
  visibility: MemberActivityVisibility;
  window: MemberActivityWindow;
  points: EffectivePoints;
  /** Present only when the input carried a frequency (`null`: no rule). */
  frequency?: FrequencyRule | null;
  pointsOnClick?: boolean;
  segment?: NamedSegmentRule | null;
  /** The linked Alida survey or forum, when there is one. */
  community?: MemberCommunity;
}

export interface MemberActivities<Type extends string = string> {
  /** Ordered by `compareMemberActivities`. */
  activities: MemberActivity<Type>[];
  /** How many CrowdTwist flagged hidden for this member and were removed, for the BFF's log. */
  hiddenCount: number;
}

// An unparseable date would make `toISOString` throw; an unknown bound is the honest reading.
const validDate = (date: Date | null) => (date !== null && Number.isFinite(date.getTime()) ? date : null);

function forBrowser(visibility: Exclude<MemberVisibility, { state: "hidden" }>): MemberActivityVisibility {
  if (visibility.state === "available") return { state: "available" };
  const tier = visibility.unlockTier;
  return { state: "locked", unlockTier: tier && { id: tier.id, title: tier.title, minScore: tier.minScore } };
}

/** The member-facing wording when there is any, else the list's own (blank counts as none). */
export function memberFacing(publicText: string | null | undefined, listText: string): string {
  return publicText?.trim() ? publicText : listText;
}

// Copies only what the input has, so a list built without the extended endpoint keeps its shape.
function extended(
  activity: UserActivityInput,
): Pick<MemberActivity, "frequency" | "pointsOnClick" | "segment" | "community"> {
  return {
    ...(activity.community !== undefined && { community: activity.community }),
    ...(activity.frequency !== undefined && { frequency: frequencyRule(activity.frequency) }),
    ...(activity.pointsOnClick !== undefined && { pointsOnClick: activity.pointsOnClick }),
    ...(activity.segment !== undefined && { segment: activity.segment }),
  };
}

export function toMemberActivities<Type extends string>(
  activities: readonly UserActivityInput<Type>[],
  options: { program: Program; now: Date },
): MemberActivities<Type> {
  const { program, now } = options;
  const shown: MemberActivity<Type>[] = [];
  for (const activity of activities) {
    const visibility = memberVisibility(activity, program);
    if (visibility.state === "hidden") continue;
    const start = validDate(activity.dateStart);
    const end = validDate(activity.dateEnd);
    shown.push({
      id: activity.id,
      title: memberFacing(activity.publicTitle, activity.title),
      description: memberFacing(activity.publicDescription, activity.description),
      image: activity.image,
      categoryId: activity.categoryId,
      typeId: activity.typeId,
      type: activity.type,
      visibility: forBrowser(visibility),
      window: {
        start: start?.toISOString() ?? null,
        end: end?.toISOString() ?? null,
        ...dateWindowStatus({ start, end }, now, program.endingSoonDays),
      },
      points: effectivePoints(activity.numPoints, activity.campaigns, program.campaignStacking),
      ...extended(activity),
    });
  }
  return { activities: shown.sort(compareMemberActivities), hiddenCount: activities.length - shown.length };
}
