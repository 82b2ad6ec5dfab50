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
  points: { total: number; redeemable: number; tierScore: number | null };
  lastEvent: { event: TierEventName; tierTitle: string; at: string } | null;
  /** Newest first. */
  history: { event: TierEventName; tierTitle: string; at: string }[];
  freshness: { dateLastUpdated: string; receivedAt: string };
}
