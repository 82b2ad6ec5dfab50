import type { Program } from "@portal/loyalty/program";
import { type TierRef, tierProgress } from "@portal/loyalty/tier-progress";
import type { MemberProfileRecord } from "../live-push/read-member-profile.ts";

// What the browser gets of a member's stored Live Push profile: tier journey, points, the latest
// tier event and the history, with timestamps as ISO strings. Built by `toProfileView`.

export type TierEventName = "JUMP" | "UPDATE" | "DROP" | "MAINTAIN" | "RESET" | "START";

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
    /** Points still needed for the next tier; null at the top. */
    pointsToNext: number | null;
    /** 0..1 through the current tier's band toward the next. */
    progress: number;
    maintain: { pointsNeeded: number; by: string | null; daysLeft: number | null; atRisk: boolean } | null;
    resetDate: string | null;
  };
  /** `null` when the stored profile does not say (see live-push/stored-profile.ts). */
  points: { total: number | null; redeemable: number | null; tierScore: number | null };
  lastEvent: { event: TierEventName; tierTitle: string; at: string } | null;
  /** Newest first. */
  history: { event: TierEventName; tierTitle: string; at: string }[];
  freshness: { dateLastUpdated: string; receivedAt: string };
  /** The fewest activities that reach the next tier, and (when the tier is at risk) that keep it. */
  plan: { toNextTier: TierPathView | null; toKeep: TierPathView | null } | null;
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

export function toProfileView(record: MemberProfileRecord, program: Program, now: Date): MemberProfileView {
  const { profile } = record;
  const info = profile.tierInfo;
  const progress = tierProgress({
    program,
    currentLevel:
      info?.currentLevel ??
      (profile.fanLevelName ? { title: profile.fanLevelName, minValue: null, maxValue: null } : null),
    score: info?.timeframeScore ?? info?.score ?? null,
    scoreNeededToReach: info?.scoreNeededToReach ?? null,
    nextLevel: info?.nextLevel ?? null,
    scoreNeededToMaintain: info?.scoreNeededToMaintain ?? null,
    expirationDate: info?.expirationDate ?? null,
    resetDate: info?.resetDate ?? null,
    now,
  });
  const history = record.history.map((entry) => ({
    event: entry.event,
    tierTitle: entry.tier,
    at: (entry.dateAssigned ?? entry.dateLastUpdated).toISOString(),
  }));
  return {
    tier: {
      current: tierView(progress.current),
      next: tierView(progress.next),
      isTopTier: progress.isTopTier,
      pointsToNext: progress.pointsToNext,
      progress: progress.progress,
      maintain: progress.maintain ? { ...progress.maintain, by: iso(progress.maintain.by) } : null,
      resetDate: iso(progress.resetDate),
    },
    points: {
      total: profile.totalPoints,
      redeemable: profile.redeemablePoints,
      tierScore: info?.timeframeScore ?? info?.score ?? null,
    },
    lastEvent:
      info?.dateAssigned && info.assignedByEvent
        ? {
            event: info.assignedByEvent,
            tierTitle: info.currentLevel.title,
            at: info.dateAssigned.toISOString(),
          }
        : (history[0] ?? null),
    history,
    freshness: {
      dateLastUpdated: profile.dateLastUpdated.toISOString(),
      receivedAt: record.receivedAt.toISOString(),
    },
    plan: null,
  };
}
