import { dateWindowStatus } from "./date-window.ts";

// What it takes to keep the current tier, and whether the member is about to lose it.

export interface TierMaintenanceInput {
  /** CrowdTwist's remainder to keep the tier; `null` when the tier needs no maintaining. */
  scoreNeededToMaintain?: number | null;
  /** When the tier expires unless maintained. */
  expirationDate?: Date | null;
  atRiskDays: number;
  now: Date;
}

export interface TierMaintenance {
  pointsNeeded: number;
  by: Date | null;
  /** Whole days until `by`, 0 once it has passed; `null` without a date. */
  daysLeft: number | null;
  /** Points are still needed and the deadline is within `atRiskDays` (or past). */
  atRisk: boolean;
}

export function tierMaintenance(input: TierMaintenanceInput): TierMaintenance | null {
  const needed = input.scoreNeededToMaintain;
  if (typeof needed !== "number" || !Number.isFinite(needed)) return null;
  const pointsNeeded = Math.max(0, Math.ceil(needed));
  const expiry = input.expirationDate;
  const by = expiry && Number.isFinite(expiry.getTime()) ? expiry : null;
  // Counted like an activity's closing date, so "3 days left" means the same on both.
  const daysLeft = by ? (dateWindowStatus({ start: null, end: by }, input.now).daysLeft ?? 0) : null;
  // Without a deadline nothing is at risk yet, whatever the points.
  const atRisk = pointsNeeded > 0 && daysLeft !== null && daysLeft <= input.atRiskDays;
  return { pointsNeeded, by, daysLeft, atRisk };
}
