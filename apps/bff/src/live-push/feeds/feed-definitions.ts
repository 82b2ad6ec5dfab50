import {
  type LivePushPointsExpiration,
  livePushPointsExpirationSchema,
} from "@portal/crowdtwist/live-push-points-expiration";
import {
  type LivePushUserActivity,
  livePushUserActivitySchema,
} from "@portal/crowdtwist/live-push-user-activity";
import {
  type LivePushUserRedemption,
  livePushUserRedemptionSchema,
} from "@portal/crowdtwist/live-push-user-redemption";
import {
  type LivePushSegmentChange,
  livePushSegmentChangeSchema,
} from "@portal/crowdtwist/live-push-user-segmentation";
import type { FeedLabel } from "../metrics.ts";
import { type ExpirationInput, storeExpirations } from "./expiration-store.ts";
import type { FeedDefinition } from "./feed-ingest.ts";
import { type RedemptionInput, storeRedemptions } from "./redemption-store.ts";
import { type SegmentInput, segmentKey, storeSegmentChanges } from "./segment-store.ts";
import { storeUserActivities, type UserActivityInput } from "./user-activity-store.ts";

// The four Data Push feeds beyond the profile: the path CrowdTwist is given for each, how its
// messages are read, keyed, dated and stored, and what of them is kept (docs/decisions/0030).

export const userActivityFeed: FeedDefinition<LivePushUserActivity, UserActivityInput> = {
  feed: "user_activity",
  casing: "camel",
  schema: livePushUserActivitySchema,
  datedAt: (message) => (message.dateCreated ? { at: message.dateCreated, field: "dateCreated" } : null),
  // No completion time in the message: when it reached us is the best we know (ADR 0030).
  toInput: (message, memberKey, receivedAt) => ({
    userActivityId: message.userActivityId,
    memberKey,
    activityId: message.activityId,
    points: message.points,
    occurredAt: message.dateCreated ?? receivedAt,
    activityName: message.activityName,
    translatedTitle: message.translatedTitle,
    referenceId: message.referenceId,
    receivedAt,
  }),
  keyOf: (input) => input.userActivityId,
  write: storeUserActivities,
};

export const userRedemptionFeed: FeedDefinition<LivePushUserRedemption, RedemptionInput> = {
  feed: "user_redemption",
  casing: "camel",
  schema: livePushUserRedemptionSchema,
  datedAt: (message) => ({ at: message.orderDate, field: "orderDate" }),
  toInput: (message, memberKey, receivedAt) => ({
    orderId: message.orderId,
    memberKey,
    orderDate: message.orderDate,
    rewardId: message.rewardId,
    rewardGroupId: message.rewardGroupId,
    title: message.title,
    receivedAt,
  }),
  keyOf: (input) => input.orderId,
  write: storeRedemptions,
};

export const pointsExpirationFeed: FeedDefinition<LivePushPointsExpiration, ExpirationInput> = {
  feed: "points_expiration",
  casing: "snake",
  schema: livePushPointsExpirationSchema,
  datedAt: (message) => ({ at: message.messageDate, field: "message_date" }),
  toInput: (message, memberKey, receivedAt) => ({
    memberKey,
    messageDate: message.messageDate,
    expiring: message.expiring,
    receivedAt,
  }),
  keyOf: (input) => input.memberKey,
  write: storeExpirations,
};

export const userSegmentationFeed: FeedDefinition<LivePushSegmentChange, SegmentInput> = {
  feed: "user_segmentation",
  casing: "snake",
  schema: livePushSegmentChangeSchema,
  datedAt: (message) => ({ at: message.dateOccurred, field: "date_occurred" }),
  toInput: (message, memberKey, receivedAt) => ({
    memberKey,
    type: message.type,
    subscriptionId: message.subscriptionId,
    name: message.name,
    event: message.event,
    trigger: message.trigger,
    dateOccurred: message.dateOccurred,
    receivedAt,
  }),
  keyOf: segmentKey,
  write: storeSegmentChanges,
};

/** Where CrowdTwist sends each feed, beside `/webhooks/crowdtwist/user-profile`. */
export const FEED_PATHS: Record<FeedLabel, string> = {
  user_activity: "/crowdtwist/user-activity",
  user_redemption: "/crowdtwist/user-redemption",
  points_expiration: "/crowdtwist/points-expiration",
  user_segmentation: "/crowdtwist/user-segmentation",
};
