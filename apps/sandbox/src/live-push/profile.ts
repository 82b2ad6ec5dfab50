import { tierForScore } from "../program/rules.ts";
import type { SeedTier } from "../program/seed-types.ts";
import { type MemberState, periodPoints } from "../program/state.ts";

// A Live Push user-profile body as CrowdTwist sends it, quirks included: the tier block mixes
// camelCase with a snake_case `timeframe_score` on some pushes, `assignedByEvent` comes in upper
// case (the document's list) for some members and lower case (its sample, "drop") for others, and
// the body carries fields the portal must drop (password, salt, hash algorithm, IP address).
//
// The scores, read from the document's own sample (Tier 1 up to 999, Tier 2 from 1000, tierScore and
// score 0, timeframe score 1200, scoreNeededToReach 1000): `tierScore` and `score` are what the tier
// thresholds apply to, `scoreNeededToReach` is the next tier's minimum less that score, and the
// timeframe score counts on past a tier period's end, so it can exceed the tier's ceiling.

const DAY_MS = 86_400_000;
const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

function level(tier: SeedTier | undefined) {
  if (!tier) return null;
  return { minValue: tier.minValue === 0 ? null : tier.minValue, maxValue: tier.maxValue, title: tier.title };
}

export function renderLivePushProfile(member: MemberState, tiers: readonly SeedTier[], now: Date) {
  const sorted = [...tiers].sort((a, b) => a.minValue - b.minValue);
  const current = tiers.find((tier) => tier.id === member.tierId) ?? tierForScore(tiers, member.tierScore);
  const next = sorted.find((tier) => tier.minValue > current.minValue);
  const daysUntilExpiration = Math.max(
    0,
    Math.ceil((member.expirationDate.getTime() - now.getTime()) / DAY_MS),
  );
  const timeframeKey = member.id % 2 === 0 ? "timeframeScore" : "timeframe_score";
  const event = member.id % 2 === 0 ? member.assignedByEvent.toLowerCase() : member.assignedByEvent;
  const points = periodPoints(member, now);
  const iso = (date: Date) => (member.zonelessDates ? date.toISOString().slice(0, 23) : date.toISOString());
  return {
    country: member.country,
    receiveSmsMessages: 0,
    facebookUserId: member.facebookUserId,
    redeemablePoints: member.redeemablePoints,
    postalCode: member.postalCode,
    tierInfo: {
      resetDate: null,
      dateReached: iso(member.dateReached),
      scoreNeededToReach: next ? Math.max(0, next.minValue - member.tierScore) : null,
      nextLevel: level(next),
      tierScore: member.tierScore,
      [timeframeKey]: member.timeframeScore,
      assignedByEvent: event,
      currentLevel: level(current),
      score: member.tierScore,
      daysUntilResetDate: null,
      daysUntilExpirationDate: daysUntilExpiration,
      dateAssigned: iso(member.dateAssigned),
      expirationDate: iso(member.expirationDate),
      scoreNeededToMaintain:
        current.scoreToMaintain === null ? null : Math.max(0, current.scoreToMaintain - member.tierScore),
    },
    customData: null,
    signUpTypeId: 3,
    isActive: member.isActive === false ? 0 : 1,
    emailAddress: member.email,
    password: null,
    dateMobileVerified: null,
    dateLastLogin: epochSeconds(now),
    yahooUserId: null,
    state: member.state,
    id: member.id,
    monthlyPoints: points.monthly,
    signUpCampaign: null,
    signUpChannelId: null,
    ipAddress: "203.0.113.24",
    fanRank: 0,
    firstName: member.firstName,
    fsqUserId: null,
    activityStreamOptIn: "1",
    googleUserId: null,
    region: member.region,
    instUserId: null,
    weeklyPoints: points.weekly,
    lastName: member.lastName,
    clientBrandingId: "0",
    gender: member.gender,
    city: member.city,
    dateLastUpdated: member.dateLastUpdated,
    hashAlgorithmId: null,
    numFacebookFriends: 0,
    thirdPartyId: member.username,
    dateCreated: epochSeconds(member.dateReached) - 30 * 86_400,
    mobilePhoneNumber: member.mobilePhoneNumber,
    salt: null,
    numTwitterFollowers: 0,
    streetAddress1: null,
    streetAddress2: null,
    emailIsVerified: 1,
    fanLevelName: current.title,
    dateOfBirth: 142372800,
    receiveEmailUpdates: 1,
    userName: member.username,
    twitterUserId: member.twitterUserId,
    langPref: null,
    totalPoints: member.totalPoints,
    numPointsPurchased: 0,
    middleName: "",
    passwordGenerated: 0,
  };
}
export type LivePushBody = ReturnType<typeof renderLivePushProfile>;
