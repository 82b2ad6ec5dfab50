import type { FrequencyPeriod } from "./frequency.ts";

// When a calendar frequency period starts again, so a capped member can be told "back tomorrow".
// Boundaries are UTC and weeks start on Monday (ISO 8601): CrowdTwist's documents name no time
// zone, and one fixed zone is better than the browser's, which differs per member.

/**
 * The next period boundary strictly after `now`, or `null` when the period does not restart on a
 * calendar boundary (lifetime, rolling windows, unknown) or `now` is not a valid date.
 */
export function nextPeriodStart(period: FrequencyPeriod, now: Date): Date | null {
  if (!Number.isFinite(now.getTime())) return null;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  switch (period) {
    case "day":
      return new Date(Date.UTC(year, month, day + 1));
    case "week": {
      const daysSinceMonday = (now.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(year, month, day + 7 - daysSinceMonday));
    }
    case "month":
      return new Date(Date.UTC(year, month + 1, 1));
    case "year":
      return new Date(Date.UTC(year + 1, 0, 1));
    default:
      return null;
  }
}
