import { strings } from "../../config/strings.ts";
import type { Activity, FrequencyRule, UnavailableReason } from "./activity-types.ts";

// Words for the BFF's reasons and rules. The BFF sends reasons without the member's score (it is
// not known where the list is cached), so "earn N more points" is filled in from the tier card's.

/** Points still missing for a tier, when the member's score is known. */
export function pointsToTier(tier: { minScore: number } | null, memberScore: number | null): number | null {
  if (memberScore === null || !tier) return null;
  return Math.max(0, Math.ceil(tier.minScore - memberScore));
}

/** One reason in words, with what the member can do about it when they can do anything. */
export function whyText(reason: UnavailableReason, memberScore: number | null): string {
  switch (reason.kind) {
    case "tier":
      return strings.why.tier(
        reason.unlockTier?.title ?? null,
        reason.pointsToGo ?? pointsToTier(reason.unlockTier, memberScore),
        reason.action === "earn_points",
      );
    case "segment":
      return strings.why.segment(reason.segmentName, reason.eligibility);
    case "not_started":
      return strings.why.notStarted(reason.daysUntil, reason.startsAt);
    case "ended":
      return strings.why.ended;
    case "community":
      return strings.why.community(reason.block, reason.community);
    case "frequency_cap":
      return strings.why.capReached(reason.rule.period, reason.resetsAt, reason.action === "wait");
  }
}

/** "Up to 5 times a week", "Points after every 2 completions"; empty without a rule. */
export function frequencyTexts(rule: FrequencyRule | null | undefined): string[] {
  if (!rule) return [];
  const texts = [strings.frequency.cap(rule.cap, rule.period)];
  if (rule.requiredAttempts > 1) texts.push(strings.frequency.attempts(rule.requiredAttempts));
  return texts;
}

/** How often and how points arrive, as short phrases for the card and the details page. */
export function earningTexts(activity: Pick<Activity, "frequency" | "pointsOnClick" | "action">): string[] {
  const texts = frequencyTexts(activity.frequency);
  // Said once: a link that earns on the click says so itself (activity-action.tsx).
  const actionSaysIt = activity.action?.kind === "link" && activity.action.pointsOnClick;
  if (activity.pointsOnClick && !actionSaysIt) texts.push(strings.frequency.pointsOnClick);
  return texts;
}
