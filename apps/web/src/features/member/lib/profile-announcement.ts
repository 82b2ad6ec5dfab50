import type { MessageDescriptor } from "@lingui/core";
import { msg, plural } from "@lingui/core/macro";
import { i18n } from "#i18n";
import type { MemberProfileView } from "../api/me-query.ts";

// What a profile that arrived live says about itself: points earned (or taken off) and a new tier.
// Only a change says anything: the first profile a page sees (no previous one) is no news. The
// sentences are kept as catalog messages with their values, not as text, so a toast still on screen
// when the member switches language is worded again in the new one.

export type AnnouncementKind = "tier-up" | "tier-down" | "points-up" | "points-down";

export interface ProfileAnnouncement {
  kind: AnnouncementKind;
  /** One sentence each, the bigger news first. */
  messages: readonly MessageDescriptor[];
}

/** The announcement's words in the language active now. */
export const announcementText = (announcement: Pick<ProfileAnnouncement, "messages">): string =>
  announcement.messages.map((message) => i18n._(message)).join(" ");

function tierChange(previous: MemberProfileView, next: MemberProfileView) {
  const before = previous.tier.current;
  const after = next.tier.current;
  if (!before || !after || (before.id === after.id && before.title === after.title)) return null;
  const tier = after.title;
  return after.minScore >= before.minScore
    ? { kind: "tier-up" as const, message: msg`You reached ${tier}!` }
    : { kind: "tier-down" as const, message: msg`Your tier is now ${tier}.` };
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
        message: msg({
          message: plural(earned, { one: "You earned # point.", other: "You earned # points." }),
        }),
      }
    : {
        kind: "points-down" as const,
        message: msg({
          message: plural(lost, {
            one: "Your points went down by # point.",
            other: "Your points went down by # points.",
          }),
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
    messages: [tier, points].flatMap((change) => (change ? [change.message] : [])),
  };
}
