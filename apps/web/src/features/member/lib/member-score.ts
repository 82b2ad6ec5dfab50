import type { MemberProfileView } from "../api/me-query.ts";

/**
 * The member's score on the tier ladder, read back from what the profile says is left to the next
 * tier (`next.minScore − pointsToNext`): that remainder is CrowdTwist's own number, so "N pts to go"
 * on a locked activity agrees with the tier card. `null` when the profile cannot tell.
 */
export function memberTierScore(profile: MemberProfileView | null): number | null {
  const next = profile?.tier.next;
  const toNext = profile?.tier.pointsToNext;
  if (!next || typeof toNext !== "number") return null;
  return Math.max(0, next.minScore - toNext);
}
