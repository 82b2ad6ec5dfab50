import { activityWindow, tierVisibility } from "../program/rules.ts";
import type { SeedActivity, SeedTier } from "../program/seed-types.ts";
import type { MemberState } from "../program/state.ts";
import { USER_ACTIVITIES_TYPE_ID } from "./activity-tables.ts";
import { absoluteUrl, epochSeconds, renderDecimal } from "./render-values.ts";

// One item of `GET /v2/users/{user_id}/activities`, formatted as that document's table says: an
// integer `id`, string `category_id` and `type_id` (from this endpoint's own type table), optional
// fields left out when they have no value, and the member's own tier flags.

export interface UserActivityJson {
  id: number;
  title: string;
  description: string;
  num_points: number;
  image: string;
  category_id: string;
  type_id: string;
  date_start?: number;
  date_end?: number;
  min_tier_id?: number;
  is_hidden_by_tier: boolean;
  is_locked_by_tier: boolean;
  extra_data?: Record<string, string>;
  campaigns?: { title: string; multiplier: number | string; point_gift: number }[];
}

export interface UserActivityContext {
  tiers: readonly SeedTier[];
  startedAt: Date;
  publicUrl: string;
}

export function renderUserActivity(
  activity: SeedActivity,
  member: MemberState,
  context: UserActivityContext,
): UserActivityJson {
  const window = activityWindow(activity, context.startedAt);
  const visibility = tierVisibility(context.tiers, member.tierId, activity);
  return {
    id: activity.id,
    // Control Center's title and description, as real CrowdTwist sends them: this endpoint has no
    // member-facing wording at all (that is `public_title` on the extended endpoint), so a portal
    // that shows these fields shows members the program team's internal names.
    title: activity.title,
    description: activity.description,
    num_points: activity.numPoints,
    image: absoluteUrl(context.publicUrl, activity.image),
    category_id: String(activity.categoryId),
    type_id: USER_ACTIVITIES_TYPE_ID[activity.type],
    ...(window.start && { date_start: epochSeconds(window.start) }),
    ...(window.end && { date_end: epochSeconds(window.end) }),
    ...(activity.minTierId !== null && { min_tier_id: activity.minTierId }),
    is_hidden_by_tier: visibility.isHiddenByTier,
    is_locked_by_tier: visibility.isLockedByTier,
    ...(activity.extraData && { extra_data: { ...activity.extraData } }),
    ...(activity.campaigns.length > 0 && {
      campaigns: activity.campaigns.map((campaign) => ({
        title: campaign.title,
        multiplier: renderDecimal(activity.id, campaign.multiplier),
        point_gift: campaign.pointGift,
      })),
    }),
  };
}
