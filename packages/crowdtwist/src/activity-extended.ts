import { z } from "zod";
import {
  type ActivityType,
  CHANNEL_NAMES,
  FREQUENCY_PERIOD_NAMES,
  typeFromExtendedId,
} from "./activity-types.ts";
import {
  ctBoolean,
  ctEpochSecondsOrNull,
  ctExtraData,
  ctId,
  ctIdOrNull,
  ctInteger,
  ctIntegerOrNull,
  ctText,
  ctTextOrNull,
} from "./coerce.ts";

// `GET /v2/activities/{activity_id}/extended`. The document's table describes one object, its sample
// is an array holding one; the tags field is `activity_tag` in the table and `activity_tags` in the
// sample. Both spellings of each are accepted.

export interface ActivityFrequency {
  cap: number;
  periodId: string;
  periodName: string | null;
  /** Completions needed before points are awarded; `null` means one. */
  requiredAttempts: number | null;
}

export interface ActivityTag {
  id: string;
  name: string;
}

export interface ActivitySegment {
  name: string;
  subscriptionId: string;
  eligibility: "inclusion" | "exclusion";
}

export interface ActivityExtended {
  id: string;
  name: string;
  title: string;
  description: string;
  publicTitle: string;
  publicDescription: string;
  numPoints: number;
  image: string;
  categoryId: string;
  categoryName: string;
  type: ActivityType | null;
  typeId: string;
  typeName: string;
  channelId: string | null;
  channelName: string | null;
  frequency: ActivityFrequency | null;
  redirectUrl: string | null;
  pointsOnClick: boolean;
  actionTags: string | null;
  dateStart: Date | null;
  dateEnd: Date | null;
  minTierId: string | null;
  /** Below `minTierId`: `true` shows the activity locked, `false` hides it. */
  showAsLockedByTier: boolean;
  tags: ActivityTag[];
  segment: ActivitySegment | null;
  extraData: Record<string, string> | null;
}

const tagSchema = z
  .object({ tag_id: ctId, tag_name: ctText })
  .transform((raw): ActivityTag => ({ id: raw.tag_id, name: raw.tag_name }));

const segmentSchema = z
  .object({
    name: ctText,
    subscription_id: ctId,
    eligibility_type: z
      .string()
      .transform((text) => text.trim().toLowerCase())
      .pipe(z.enum(["inclusion", "exclusion"])),
  })
  .nullish()
  .transform((raw): ActivitySegment | null =>
    raw ? { name: raw.name, subscriptionId: raw.subscription_id, eligibility: raw.eligibility_type } : null,
  );

const tagsSchema = z.array(tagSchema).nullish();

// The document's own sample value is "www.crowdtwist.com": a host with no scheme. Such a value is
// read as the https address it names; anything else is passed on as sent (the BFF decides what a
// member may be sent to).
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]|$)/i;
export const redirectUrlSchema = ctTextOrNull.transform((text) =>
  text !== null && BARE_HOST.test(text) ? `https://${text}` : text,
);

export const activityExtendedSchema = z
  .object({
    id: ctId,
    name: ctText,
    title: ctText,
    description: ctText,
    public_title: ctText,
    public_description: ctText,
    num_points: ctInteger,
    image: ctText,
    category_id: ctId,
    category_name: ctText,
    type_id: ctId,
    type_name: ctText,
    activity_channel_id: ctIdOrNull,
    activity_channel_name: ctTextOrNull,
    freq_cap: ctIntegerOrNull,
    freq_period_id: ctIdOrNull,
    freq_period_name: ctTextOrNull,
    freq_num_required_attempts: ctIntegerOrNull,
    redirect_url: redirectUrlSchema,
    points_on_click: ctBoolean,
    action_tags: ctTextOrNull,
    date_start: ctEpochSecondsOrNull,
    date_end: ctEpochSecondsOrNull,
    min_tier_id: ctIdOrNull,
    show_as_locked_by_tier: ctBoolean,
    activity_tags: tagsSchema,
    activity_tag: tagsSchema,
    segment: segmentSchema,
    extra_data: ctExtraData,
  })
  .transform(
    (raw): ActivityExtended => ({
      id: raw.id,
      name: raw.name,
      title: raw.title,
      description: raw.description,
      publicTitle: raw.public_title,
      publicDescription: raw.public_description,
      numPoints: raw.num_points,
      image: raw.image,
      categoryId: raw.category_id,
      categoryName: raw.category_name,
      type: typeFromExtendedId(raw.type_id) ?? null,
      typeId: raw.type_id,
      typeName: raw.type_name,
      channelId: raw.activity_channel_id,
      channelName:
        raw.activity_channel_name ??
        (raw.activity_channel_id === null ? null : (CHANNEL_NAMES[raw.activity_channel_id] ?? null)),
      // A cap without a period cannot be enforced or explained, so it counts as no frequency rule.
      frequency:
        raw.freq_cap === null || raw.freq_period_id === null
          ? null
          : {
              cap: raw.freq_cap,
              periodId: raw.freq_period_id,
              periodName: raw.freq_period_name ?? FREQUENCY_PERIOD_NAMES[raw.freq_period_id] ?? null,
              requiredAttempts: raw.freq_num_required_attempts,
            },
      redirectUrl: raw.redirect_url,
      pointsOnClick: raw.points_on_click,
      actionTags: raw.action_tags,
      dateStart: raw.date_start,
      dateEnd: raw.date_end,
      minTierId: raw.min_tier_id,
      showAsLockedByTier: raw.show_as_locked_by_tier,
      tags: raw.activity_tags ?? raw.activity_tag ?? [],
      segment: raw.segment,
      extraData: raw.extra_data,
    }),
  );

/**
 * The whole response body: an array with one object (as sampled) or the object itself (as tabled).
 * `null` means CrowdTwist answered 2xx with an empty array, i.e. no such activity.
 */
export const activityExtendedResponseSchema = z
  .union([z.array(activityExtendedSchema), activityExtendedSchema])
  .transform((body): ActivityExtended | null => (Array.isArray(body) ? (body[0] ?? null) : body));
