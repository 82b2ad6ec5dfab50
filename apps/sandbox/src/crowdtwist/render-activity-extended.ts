import { activityWindow } from "../program/rules.ts";
import type { SeedActivity, SeedSegment } from "../program/seed-types.ts";
import { CATEGORY_NAME, CHANNEL_NAME, EXTENDED_TYPE, FREQUENCY_PERIOD_NAME } from "./activity-tables.ts";
import { absoluteUrl, epochSeconds, renderPointsOnClick, renderTags, type TagJson } from "./render-values.ts";

// The object inside `GET /v2/activities/{activity_id}/extended`'s array, shaped like the document's
// sample: `id` and the other ids as strings, `null` for every absent optional value, this endpoint's
// own type table, and the per-activity quirks from render-values.ts.

export type ActivityExtendedJson = {
  id: string;
  name: string;
  title: string;
  description: string;
  num_points: number;
  image: string;
  category_id: string;
  category_name: string | null;
  type_id: string;
  type_name: string;
  activity_channel_id: string | null;
  activity_channel_name: string | null;
  freq_cap: string | null;
  freq_period_id: string | null;
  freq_period_name: string | null;
  freq_num_required_attempts: string | null;
  redirect_url: string | null;
  points_on_click: boolean | string;
  action_tags: string | null;
  date_start: number | null;
  date_end: number | null;
  min_tier_id: number | null;
  show_as_locked_by_tier: boolean;
  extra_data: Record<string, string> | null;
  public_title: string;
  public_description: string;
  segment: { name: string; subscription_id: number; eligibility_type: "inclusion" | "exclusion" } | null;
} & ({ activity_tags: TagJson[] } | { activity_tag: TagJson[] });

export interface ActivityExtendedContext {
  segments: readonly SeedSegment[];
  startedAt: Date;
  publicUrl: string;
}

const text = (value: number | null) => (value === null ? null : String(value));

export function renderActivityExtended(
  activity: SeedActivity,
  context: ActivityExtendedContext,
): ActivityExtendedJson {
  const window = activityWindow(activity, context.startedAt);
  const frequency = activity.frequency;
  const segment = activity.segment;
  const segmentName = segment
    ? (context.segments.find((s) => s.subscriptionId === segment.subscriptionId)?.name ?? "")
    : "";
  const channel = activity.channelId;
  const tags: TagJson[] = activity.tags.map((tag) => ({ tag_id: tag.id, tag_name: tag.name }));
  return {
    id: String(activity.id),
    name: activity.name,
    title: activity.title,
    description: activity.description,
    num_points: activity.numPoints,
    image: absoluteUrl(context.publicUrl, activity.image),
    category_id: String(activity.categoryId),
    category_name: CATEGORY_NAME[activity.categoryId] ?? null,
    type_id: EXTENDED_TYPE[activity.type].id,
    type_name: EXTENDED_TYPE[activity.type].name,
    activity_channel_id: text(channel),
    activity_channel_name: channel === null ? null : (CHANNEL_NAME[channel] ?? null),
    freq_cap: text(frequency?.cap ?? null),
    freq_period_id: text(frequency?.periodId ?? null),
    freq_period_name: frequency ? (FREQUENCY_PERIOD_NAME[frequency.periodId] ?? null) : null,
    freq_num_required_attempts: text(frequency?.requiredAttempts ?? null),
    // A path is a page the sandbox serves (landing/routes.ts), made absolute like the images.
    redirect_url: activity.redirectUrl?.startsWith("/")
      ? absoluteUrl(context.publicUrl, activity.redirectUrl)
      : activity.redirectUrl,
    points_on_click: renderPointsOnClick(activity.id, activity.pointsOnClick),
    action_tags: activity.actionTags,
    date_start: window.start ? epochSeconds(window.start) : null,
    date_end: window.end ? epochSeconds(window.end) : null,
    min_tier_id: activity.minTierId,
    show_as_locked_by_tier: activity.showAsLockedByTier,
    ...renderTags(activity.id, tags),
    extra_data: activity.extraData ? { ...activity.extraData } : null,
    // "The member-facing title/description": the only wording meant for members; may be empty.
    public_title: activity.publicTitle,
    public_description: activity.publicDescription,
    segment: segment
      ? { name: segmentName, subscription_id: segment.subscriptionId, eligibility_type: segment.eligibility }
      : null,
  };
}
