import { z } from "zod";
import { type ActivityType, typeFromUserActivitiesId } from "./activity-types.ts";
import {
  ctBoolean,
  ctDecimal,
  ctEpochSecondsOrNull,
  ctExtraData,
  ctId,
  ctIdOrNull,
  ctInteger,
  ctText,
} from "./coerce.ts";

// `GET /v2/users/{user_id}/activities`: a JSON array, one item per activity, with the member's own
// tier flags. Its `type_id` table differs from the extended endpoint's (see activity-types.ts).

export interface Campaign {
  title: string;
  /** A documented "Decimal", delivered as `3.0` or `"3.0"`. */
  multiplier: number;
  pointGift: number;
}

export interface UserActivity {
  id: string;
  title: string;
  description: string;
  numPoints: number;
  image: string;
  categoryId: string | null;
  /** `null` when CrowdTwist sends a type id its table does not list; `typeId` keeps the raw value. */
  type: ActivityType | null;
  typeId: string;
  dateStart: Date | null;
  dateEnd: Date | null;
  minTierId: string | null;
  isHiddenByTier: boolean;
  isLockedByTier: boolean;
  extraData: Record<string, string> | null;
  campaigns: Campaign[];
}

const campaignSchema = z
  .object({ title: ctText, multiplier: ctDecimal, point_gift: ctInteger })
  .transform(
    (raw): Campaign => ({ title: raw.title, multiplier: raw.multiplier, pointGift: raw.point_gift }),
  );

export const userActivitySchema = z
  .object({
    id: ctId,
    title: ctText,
    description: ctText,
    num_points: ctInteger,
    image: ctText,
    category_id: ctIdOrNull,
    type_id: ctId,
    date_start: ctEpochSecondsOrNull,
    date_end: ctEpochSecondsOrNull,
    min_tier_id: ctIdOrNull,
    is_hidden_by_tier: ctBoolean,
    is_locked_by_tier: ctBoolean,
    extra_data: ctExtraData,
    campaigns: z.array(campaignSchema).nullish(),
  })
  .transform(
    (raw): UserActivity => ({
      id: raw.id,
      title: raw.title,
      description: raw.description,
      numPoints: raw.num_points,
      image: raw.image,
      categoryId: raw.category_id,
      type: typeFromUserActivitiesId(raw.type_id) ?? null,
      typeId: raw.type_id,
      dateStart: raw.date_start,
      dateEnd: raw.date_end,
      minTierId: raw.min_tier_id,
      isHiddenByTier: raw.is_hidden_by_tier,
      isLockedByTier: raw.is_locked_by_tier,
      extraData: raw.extra_data,
      campaigns: raw.campaigns ?? [],
    }),
  );

/** The whole response body. */
export const userActivitiesResponseSchema = z.array(userActivitySchema);
