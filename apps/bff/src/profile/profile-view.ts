import { isTierAssignment, type TierAssignmentEvent } from "@portal/crowdtwist/live-push-tier-info";
import type { Program } from "@portal/loyalty/program";
import { type TierRef, tierProgress, tierScoreOf } from "@portal/loyalty/tier-progress";
import type { ExpiringPointsView } from "../member/member-feeds.ts";
import type { MemberProfileRecord } from "./read-member-profile.ts";

// What the browser gets of a member's stored Live Push profile: tier journey, points, the latest
// tier event and the history, with timestamps as ISO strings. Built by `toProfileView`. What each
// CrowdTwist number means here is docs/decisions/0018.

/** A tier assignment; `event` is `null` when no push named it (first seen on an UPDATE). */
export interface TierAssignmentView {
  event: TierAssignmentEvent | null;
  tierTitle: string;
  at: string;
}

export interface TierView {
  id: string | null;
  title: string;
  minScore: number;
  maxScore: number | null;
}

export interface MemberProfileView {
  tier: {
    current: TierView | null;
    next: TierView | null;
    isTopTier: boolean;
    /** The score that counts toward tiers (CrowdTwist's tierScore); null when not sent. */
    score: number | null;
    /** `next.minScore − score` (never below 0); null at the top. */
    pointsToNext: number | null;
    /** 0..1 from 0 to the next tier's threshold: `(next.minScore − pointsToNext) / next.minScore`. */
    progress: number;
    /** Every tier and the score it starts at, lowest first. */
    ladder: TierView[];
    maintain: { pointsNeeded: number; by: string | null; daysLeft: number | null; atRisk: boolean } | null;
    resetDate: string | null;
  };
  /**
   * Live Push `isActive`: `false` for an account CrowdTwist has deactivated (the portal tells the
   * member and offers no earning); `null` when the push did not say.
   */
  active: boolean | null;
  /** `null` when the stored profile does not say (see stored-profile.ts). */
  points: { total: number | null; redeemable: number | null; tierScore: number | null };
  /** The assignment that gave the member their current tier. */
  lastEvent: TierAssignmentView | null;
  /** Assignments only, newest first; the first is always the current tier's. */
  history: TierAssignmentView[];
  /**
   * The push this profile came from: when CrowdTwist dated it and when it arrived here. (Not called
   * `freshness`: that is the activities' `{fetchedAt, ageSeconds, degraded}`.)
   */
  lastPush: { dateLastUpdated: string; receivedAt: string };
  /** The fewest activities that reach the next tier, and (when the tier is at risk) that keep it. */
  plan: { toNextTier: TierPathView | null; toKeep: TierPathView | null } | null;
  /**
   * Points that will expire (Points Expiration feed), nearest first; `[]` when none are known. Always
   * sent; optional in the type so that clients (and their fixtures) written before it still compile.
   */
  expiringPoints?: ExpiringPointsView[] | undefined;
}

export interface TierPathView {
  reachable: boolean;
  steps: { activityId: string; title: string; times: number; points: number }[];
  totalPoints: number;
  shortfall: number;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const tierView = (tier: TierRef | null): TierView | null =>
  tier ? { id: tier.id, title: tier.title, minScore: tier.minScore, maxScore: tier.maxScore } : null;

/**
 * The current assignment, from the profile itself: an UPDATE carries the date of the assignment it
 * updates, so the event comes from the history row with that tier and date (or stays unnamed).
 */
function currentAssignment(
  info: MemberProfileRecord["profile"]["tierInfo"],
  history: TierAssignmentView[],
): TierAssignmentView | null {
  if (!info?.dateAssigned) return null;
  const at = info.dateAssigned.toISOString();
  const tierTitle = info.currentLevel.title;
  const event = isTierAssignment(info.assignedByEvent)
    ? info.assignedByEvent
    : (history.find((entry) => entry.tierTitle === tierTitle && entry.at === at)?.event ?? null);
  return { event, tierTitle, at };
}

export function toProfileView(record: MemberProfileRecord, program: Program, now: Date): MemberProfileView {
  const { profile } = record;
  const info = profile.tierInfo;
  const tierScore = tierScoreOf(info);
  const progress = tierProgress({
    program,
    currentLevel:
      info?.currentLevel ??
      (profile.fanLevelName ? { title: profile.fanLevelName, minValue: null, maxValue: null } : null),
    score: tierScore,
    scoreNeededToReach: info?.scoreNeededToReach ?? null,
    nextLevel: info?.nextLevel ?? null,
    scoreNeededToMaintain: info?.scoreNeededToMaintain ?? null,
    expirationDate: info?.expirationDate ?? null,
    resetDate: info?.resetDate ?? null,
    now,
  });
  const recorded = record.history.map((entry) => ({
    event: entry.event,
    tierTitle: entry.tier,
    at: (entry.dateAssigned ?? entry.dateLastUpdated).toISOString(),
  }));
  const current = currentAssignment(info, recorded);
  // The history never contradicts the tier shown: whatever was stored, it starts with the current
  // assignment (rows are written so that it does; this holds it for rows older code wrote).
  const head = recorded[0];
  const history =
    current && (!head || head.tierTitle !== current.tierTitle || head.at !== current.at)
      ? [current, ...recorded.filter((entry) => entry.at < current.at)]
      : recorded;
  return {
    tier: {
      current: tierView(progress.current),
      next: tierView(progress.next),
      isTopTier: progress.isTopTier,
      score: progress.score,
      pointsToNext: progress.pointsToNext,
      progress: progress.progress,
      ladder: progress.ladder.flatMap((tier) => tierView(tier) ?? []),
      maintain: progress.maintain ? { ...progress.maintain, by: iso(progress.maintain.by) } : null,
      resetDate: iso(progress.resetDate),
    },
    active: profile.isActive,
    points: {
      total: profile.totalPoints,
      redeemable: profile.redeemablePoints,
      tierScore,
    },
    lastEvent: current ?? history[0] ?? null,
    history,
    lastPush: {
      dateLastUpdated: profile.dateLastUpdated.toISOString(),
      receivedAt: record.receivedAt.toISOString(),
    },
    plan: null,
    expiringPoints: [],
  };
}
