import type { Activity } from "../../../components/activity-card/activity-types.ts";
import type { ExtendedActivity, MatrixRow } from "../api/manager-queries.ts";

// The shared member card needs an activity as a member's list carries it. For a tier preview we build
// it from CrowdTwist's extended description and the matrix cell, mirroring what the BFF's loyalty
// rules do for a member (window state, frequency period, why it is locked). Campaigns are per member
// and not part of the extended description, so points are the base points, with no campaign: the
// "Preview as a member" page shows the real, campaign-adjusted card for one member.

type Cell = MatrixRow["cells"][number];
type Frequency = NonNullable<Activity["frequency"]>;

const DAY_MS = 86_400_000;
/** As loyalty's ENDING_SOON_DAYS. */
const ENDING_SOON_DAYS = 7;

const PERIODS: Record<string, Frequency["period"]> = {
  "1": "rolling_24h",
  "2": "day",
  "3": "rolling_7d",
  "4": "week",
  "5": "lifetime",
  "6": "month",
  "7": "year",
  "8": "rolling_365d",
  "9": "rolling_30d",
};

export function windowOf(start: string | null, end: string | null, now: Date): Activity["window"] {
  const days = (iso: string) => Math.ceil((Date.parse(iso) - now.getTime()) / DAY_MS);
  if (start !== null && now.getTime() < Date.parse(start))
    return { start, end, state: "upcoming", daysLeft: days(start) };
  if (end !== null && now.getTime() >= Date.parse(end))
    return { start, end, state: "expired", daysLeft: null };
  if (end === null) return { start, end, state: "open", daysLeft: null };
  const daysLeft = days(end);
  return { start, end, state: daysLeft <= ENDING_SOON_DAYS ? "ending_soon" : "open", daysLeft };
}

function frequencyOf(frequency: ExtendedActivity["frequency"]): Frequency | null {
  if (!frequency) return null;
  return {
    cap: frequency.cap,
    period: PERIODS[frequency.periodId] ?? "unknown",
    requiredAttempts: frequency.requiredAttempts ?? 1,
  };
}

/** The card a member of `cell.tier` gets; `null` when that member is not shown the activity at all. */
export function tierCardActivity(activity: ExtendedActivity, cell: Cell, now: Date): Activity | null {
  const { visibility } = cell;
  if (visibility.state === "hidden") return null;
  const unlockTier =
    visibility.state === "locked" && visibility.unlockTier
      ? {
          id: visibility.unlockTier.id,
          title: visibility.unlockTier.title,
          minScore: visibility.unlockTier.minScore,
        }
      : null;
  const window = windowOf(activity.dateStart, activity.dateEnd, now);
  const why: Activity["why"] = [];
  if (visibility.state === "locked")
    why.push({ kind: "tier", unlockTier, pointsToGo: null, action: "earn_points" });
  if (window.state === "upcoming" && window.start !== null)
    why.push({
      kind: "not_started",
      startsAt: window.start,
      daysUntil: window.daysLeft ?? 0,
      action: "wait",
    });
  if (window.state === "expired" && window.end !== null)
    why.push({ kind: "ended", endedAt: window.end, action: "none" });
  return {
    id: activity.id,
    title: activity.publicTitle,
    description: activity.publicDescription,
    image: activity.image,
    categoryId: activity.categoryId,
    typeId: activity.typeId,
    type: activity.type,
    visibility: visibility.state === "locked" ? { state: "locked", unlockTier } : { state: "available" },
    window,
    points: { base: activity.numPoints, effective: activity.numPoints, bonus: 0, campaigns: [] },
    frequency: frequencyOf(activity.frequency),
    pointsOnClick: activity.pointsOnClick,
    why,
  };
}
