import { plural, t } from "@lingui/core/macro";
import type { MemberProfileView } from "../api/me-query.ts";

// What a profile that arrived live says about itself: points earned (or taken off) and a new tier.
// Only a change says anything: the first profile a page sees (no previous one) is no news.

export type AnnouncementKind = "tier-up" | "tier-down" | "points-up" | "points-down";

export interface ProfileAnnouncement {
  kind: AnnouncementKind;
  message: string;
}

function tierChange(previous: MemberProfileView, next: MemberProfileView) {
  const before = previous.tier.current;
  const after = next.tier.current;
  if (!before || !after || (before.id === after.id && before.title === after.title)) return null;
  const tier = after.title;
  return after.minScore >= before.minScore
    ? { kind: "tier-up" as const, message: t`You reached ${tier}!` }
    : { kind: "tier-down" as const, message: t`Your tier is now ${tier}.` };
}

function pointsChange(previous: MemberProfileView, next: MemberProfileView) {
  const before = previous.points.total;
  const after = next.points.total;
  // A balance one of the two updates did not give is unknown, not zero: nothing to say.
  if (before === null || after === null || before === after) return null;
  const earned = after - before;
  const lost = before - after;
  return after > before
    ? {
        kind: "points-up" as const,
        message: plural(earned, { one: "You earned # point.", other: "You earned # points." }),
      }
    : {
        kind: "points-down" as const,
        message: plural(lost, {
          one: "Your points went down by # point.",
          other: "Your points went down by # points.",
        }),
      };
}

export function profileAnnouncement(
  previous: MemberProfileView | null | undefined,
  next: MemberProfileView,
): ProfileAnnouncement | null {
  if (!previous) return null;
  const tier = tierChange(previous, next);
  const points = pointsChange(previous, next);
  if (!tier && !points) return null;
  return {
    // A new tier is the bigger news; the points come second in the same sentence pair.
    kind: (tier ?? points)?.kind ?? "points-up",
    message: [tier?.message, points?.message].filter(Boolean).join(" "),
  };
}
