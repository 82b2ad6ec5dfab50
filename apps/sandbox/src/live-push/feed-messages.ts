import type { SeedActivity, SeedReward, SeedSegment } from "../program/seed-types.ts";
import type { MemberState } from "../program/state.ts";

// The Data Push feeds beyond the profile, as CrowdTwist sends them, written from
// upstream-docs/crowdtwist-data-push-feeds.md. Where the catalogue leaves a name open (the member's
// ids and the completion time in User Activity, the amounts in Points Expiration), the sandbox sends
// what docs/decisions/0030 records: the profile's id names in camelCase feeds, snake_case ones in
// snake_case feeds, epoch seconds for CrowdTwist's own timestamps.

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Ids CrowdTwist gives completions and orders: unique across restarts of the sandbox, increasing. */
export function createMessageIds() {
  let last = 0;
  return () => {
    last = Math.max(last + 1, Date.now() * 1000);
    return last;
  };
}

/** Reward redemptions are completions of CrowdTwist's own redemption activity, at negative points. */
export const REDEMPTION_ACTIVITY = { id: 900, name: "redeemed a reward", title: "Reward redemption" };

function camelIds(member: MemberState) {
  return {
    userId: member.id,
    thirdPartyId: member.username,
    userName: member.username,
    emailAddress: member.email,
  };
}

function snakeIds(member: MemberState) {
  return { user_id: member.id, email_address: member.email, third_party_id: member.username };
}

/** A completion: the activity's Control Center words, and its translation in the member's language. */
export function renderActivityMessage(
  member: MemberState,
  activity: SeedActivity,
  completion: { userActivityId: number; points: number; at: Date },
) {
  const translated = member.language ? activity.translations?.[member.language] : undefined;
  return {
    userActivityId: completion.userActivityId,
    activityId: activity.id,
    activityName: activity.name,
    points: completion.points,
    notes: null,
    referenceId: null,
    activityExtraData: activity.extraData ? JSON.stringify(activity.extraData) : null,
    title: activity.title,
    description: activity.description,
    translatedTitle: translated?.title ?? null,
    translatedDescription: translated?.description ?? null,
    dateCreated: epochSeconds(completion.at),
    ...camelIds(member),
  };
}

/** A redemption: its negative completion (referencing the order) and the order itself. */
export function renderRedemptionMessages(
  member: MemberState,
  reward: SeedReward,
  order: { orderId: number; userActivityId: number; at: Date },
) {
  return {
    activity: {
      userActivityId: order.userActivityId,
      activityId: REDEMPTION_ACTIVITY.id,
      activityName: REDEMPTION_ACTIVITY.name,
      points: -reward.cost,
      notes: null,
      referenceId: order.orderId,
      activityExtraData: null,
      title: REDEMPTION_ACTIVITY.title,
      description: REDEMPTION_ACTIVITY.title,
      translatedTitle: null,
      translatedDescription: null,
      dateCreated: epochSeconds(order.at),
      ...camelIds(member),
    },
    redemption: {
      orderId: order.orderId,
      orderDate: epochSeconds(order.at),
      rewardId: reward.id,
      rewardGroupId: reward.groupId,
      category: reward.category,
      title: reward.title,
      description: reward.description,
      color: null,
      size: null,
      referenceId: null,
      rewardExtraData: null,
      ...camelIds(member),
    },
  };
}

const MONTH_MS = 31 * 86_400_000;

/**
 * The member's expiring points, one entry per date, for one month back to five months ahead (what a
 * live message covers), dated by the last change.
 */
export function renderExpirationMessage(member: MemberState, now: Date) {
  const from = now.getTime() - MONTH_MS;
  const to = now.getTime() + 6 * MONTH_MS;
  return {
    ...snakeIds(member),
    message_date: new Date(member.expiringChangedAt).toISOString(),
    redemption_period_points_expiration: member.expiring
      .filter((bucket) => bucket.date.getTime() >= from && bucket.date.getTime() <= to)
      .map((bucket) => ({
        expiration_date: bucket.date.toISOString(),
        points_expiring: bucket.points,
        points_expired: 0,
      })),
  };
}

/** A member entered or exited a segment; dated by that membership's last change (whole seconds). */
export function renderSegmentMessage(member: MemberState, segment: SeedSegment) {
  const changed = member.segmentChangedAt.get(segment.subscriptionId) ?? member.segmentsSince;
  return {
    ...snakeIds(member),
    type: "segment",
    name: segment.name,
    subscription_id: segment.subscriptionId,
    event: member.segments.includes(segment.subscriptionId) ? "entered" : "exited",
    trigger: "segment criteria",
    date_occurred: new Date(changed * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}
