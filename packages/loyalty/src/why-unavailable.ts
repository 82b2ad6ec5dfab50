import type { CommunityBlock } from "./alida-consistency.ts";
import type { CommunityKind, MemberCommunity } from "./community.ts";
import { dateWindowStatus, toDateWindow, type WindowBounds } from "./date-window.ts";
import { completionsLeft, type FrequencyRule } from "./frequency.ts";
import type { MemberActivityVisibility, UnlockTier } from "./member-activity.ts";
import { nextPeriodStart, rollingSlotOpens } from "./period-boundary.ts";
import type { NamedSegmentRule, SegmentEligibility } from "./segment.ts";

// "Why can't I do this?": every reason a member cannot do an activity right now, most important
// first, each with what they can do about it. Data only; the UI words it ("Earn 650 more points to
// reach Silver", "Opens in 3 days", "This one is for New York Members").

/** `none` also when another reason makes the hint pointless (see `blocked` below). */
export type UnavailableAction = "earn_points" | "wait" | "none";

export type ActivityUnavailableReason =
  | {
      kind: "tier";
      /** `null` when CrowdTwist names a tier the program config does not list. */
      unlockTier: UnlockTier | null;
      /** From the member's score; `null` when the score or the tier is unknown. */
      pointsToGo: number | null;
      action: UnavailableAction;
    }
  | { kind: "segment"; eligibility: "inclusion" | "exclusion"; segmentName: string; action: "none" }
  | { kind: "not_started"; startsAt: Date; daysUntil: number; action: UnavailableAction }
  | { kind: "ended"; endedAt: Date; action: "none" }
  /** The linked Alida survey or forum is closed, hidden from members or not ready (first of these). */
  | { kind: "community"; block: CommunityBlock; community: CommunityKind; action: "none" }
  | {
      kind: "frequency_cap";
      rule: FrequencyRule;
      /**
       * When the member can earn again: the next boundary of a calendar period in the program's zone,
       * or for a rolling window when its oldest counted completion (of those that fill the cap) leaves
       * it; `null` for lifetime, unknown, or a rolling window whose completions' times are not known.
       */
      resetsAt: Date | null;
      action: UnavailableAction;
    };

export interface WhyUnavailableInput {
  visibility: MemberActivityVisibility;
  window: WindowBounds;
  segment?: { rule: NamedSegmentRule; eligibility: SegmentEligibility } | null;
  frequency?: FrequencyRule | null;
  /** Completions in the rule's current period; without them a cap is never reported. */
  completionsInPeriod?: number | null;
  /**
   * For a rolling window: when the completion whose leaving frees a slot happened (the rule's
   * `completionsPerPeriod`-th newest in the window). Without it a reached rolling cap says no time.
   */
  slotFreedBy?: Date | null;
  /** The member's timeframe score. */
  score?: number | null;
  /** The linked Alida activity, when there is one. */
  community?: MemberCommunity | null;
  /** IANA zone whose midnights start calendar periods (PROGRAM_TIME_ZONE). Default UTC. */
  timeZone?: string;
  now: Date;
}

const known = (value: number | null | undefined): value is number => Number.isFinite(value);

/**
 * In priority order: tier, segment, not started, ended, community, frequency cap. `[]` when it can
 * be done. A community that could not be checked is no reason: the member is not told something
 * Alida did not say.
 */
export function whyUnavailable(input: WhyUnavailableInput): ActivityUnavailableReason[] {
  const { now } = input;
  const window = toDateWindow(input.window);
  const status = dateWindowStatus(window, now);
  const endedAt = status.state === "expired" ? window.end : null;
  const excluded = input.segment?.eligibility === "not_eligible" ? input.segment.rule : null;
  // An ended activity or a segment the member is outside of cannot be fixed by earning points or
  // waiting; telling them to do either would send them after something they can never get.
  // The same holds while the survey or forum it leads to is closed to members.
  const community = input.community;
  const [block] = community?.checked ? community.blocks : [];
  const blocked = endedAt !== null || excluded !== null || block !== undefined;
  const reasons: ActivityUnavailableReason[] = [];

  if (input.visibility.state === "locked") {
    const tier = input.visibility.unlockTier;
    const pointsToGo =
      tier && known(input.score) ? Math.max(0, Math.ceil(tier.minScore - input.score)) : null;
    reasons.push({ kind: "tier", unlockTier: tier, pointsToGo, action: blocked ? "none" : "earn_points" });
  }
  if (excluded) {
    reasons.push({
      kind: "segment",
      eligibility: excluded.eligibility,
      segmentName: excluded.name,
      action: "none",
    });
  }
  if (status.state === "upcoming" && window.start) {
    const daysUntil = status.daysLeft ?? 0;
    reasons.push({
      kind: "not_started",
      startsAt: window.start,
      daysUntil,
      action: blocked ? "none" : "wait",
    });
  }
  if (endedAt) reasons.push({ kind: "ended", endedAt, action: "none" });
  // Alida says nothing about when a closed activity re-opens, so there is nothing to wait for.
  if (community?.checked && block)
    reasons.push({ kind: "community", block, community: community.kind, action: "none" });

  const rule = input.frequency;
  if (rule && known(input.completionsInPeriod) && completionsLeft(rule, input.completionsInPeriod) === 0) {
    const resetsAt =
      nextPeriodStart(rule.period, now, input.timeZone) ??
      rollingSlotOpens(rule.period, input.slotFreedBy, now);
    // Rolling windows do free up again, even when we cannot say when; lifetime and unknown may never.
    const resets = resetsAt !== null || rule.period.startsWith("rolling_");
    const endsFirst = resetsAt !== null && window.end !== null && window.end <= resetsAt;
    const action = blocked || !resets || endsFirst ? "none" : "wait";
    reasons.push({ kind: "frequency_cap", rule, resetsAt, action });
  }
  return reasons;
}
