// Data Push messages as CrowdTwist sends them (docs/decisions/0030), for tests and the benchmark:
// the catalogue's fields and sample values, the member's ids in each feed's casing.

export const FEED_PATH = {
  user_activity: "/webhooks/crowdtwist/user-activity",
  user_redemption: "/webhooks/crowdtwist/user-redemption",
  points_expiration: "/webhooks/crowdtwist/points-expiration",
  user_segmentation: "/webhooks/crowdtwist/user-segmentation",
} as const;

type Patch = Record<string, unknown>;

/** A completion by `member` (their third_party_id) of activity 198, 80 points. */
export function userActivityBody(member: string, patch: Patch = {}) {
  return {
    userActivityId: 12348765,
    activityId: 198,
    activityName: "added gender",
    points: 80,
    notes: null,
    referenceId: null,
    activityExtraData: null,
    thirdPartyId: member,
    title: "Add Your Gender",
    description: "Add your gender to your profile",
    translatedTitle: null,
    translatedDescription: null,
    emailAddress: `${member}@example.com`,
    dateCreated: Math.floor(Date.now() / 1000),
    ...patch,
  };
}

/** An order of the catalogue's sample reward by `member`. */
export function redemptionBody(member: string, patch: Patch = {}) {
  return {
    orderId: 101,
    orderDate: Math.floor(Date.now() / 1000),
    rewardId: 947563,
    rewardGroupId: 12345,
    category: "Gift Cards",
    title: "$20 Gift Card",
    description: "$20 to use on our site",
    color: null,
    size: null,
    thirdPartyId: member,
    emailAddress: `${member}@example.com`,
    ...patch,
  };
}

/** `member`'s expiring points: 200 in 20 days, as of now. */
export function expirationBody(member: string, patch: Patch = {}) {
  return {
    user_id: 348399,
    email_address: `${member}@example.com`,
    third_party_id: member,
    message_date: new Date().toISOString(),
    redemption_period_points_expiration: [
      { expiration_date: new Date(Date.now() + 20 * 86_400_000).toISOString(), points_expiring: 200 },
    ],
    ...patch,
  };
}

/** The catalogue's complete sample, for `member`. */
export function segmentationBody(member: string, patch: Patch = {}) {
  return {
    user_id: 10,
    email_address: `${member}@example.com`,
    third_party_id: member,
    type: "segment",
    name: "Users in New York",
    subscription_id: 200,
    event: "entered",
    trigger: "segment criteria",
    date_occurred: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...patch,
  };
}
