// The Data Push feeds beyond the user profile, by one name each wherever they are told apart: the
// webhook paths, the metrics' `feed` label, the cluster's announcements and the live events.
export const FEED_NAMES = [
  "user_activity",
  "user_redemption",
  "points_expiration",
  "user_segmentation",
] as const;
export type FeedName = (typeof FEED_NAMES)[number];

export const isFeedName = (value: unknown): value is FeedName =>
  typeof value === "string" && (FEED_NAMES as readonly string[]).includes(value);
